import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PackSession } from "../../../../harness/engine";
import { evaluate, openPack, resource, secret, unknown } from "../../../../tests/support/pack";
import { parseMessage } from "../../../core/message";

const id = "bedrock-invocation-logs-protected";
const logging = "aws:bedrockmodel/invocationLoggingConfiguration:InvocationLoggingConfiguration";
const logGroup = "aws:cloudwatch/logGroup:LogGroup";
const keyArn = "arn:aws:kms:us-east-1:123456789012:key/abcd";
const configFor = (name: string, groups: string[]) =>
    resource(
        logging,
        name,
        { loggingConfig: { cloudwatchConfig: { logGroupName: unknown, roleArn: unknown } } },
        { propertyDependencies: { loggingConfig: groups } },
    );

let pack: PackSession;
beforeAll(async () => {
    pack = await openPack();
});
afterAll(async () => {
    await pack?.close();
});

describe(id, () => {
    it("flags invocation-log groups without a CMK or with short retention", async () => {
        const r = await evaluate(pack, id, [
            resource(logGroup, "plain", { retentionInDays: 30 }),
            resource(logGroup, "good", { kmsKeyId: keyArn, retentionInDays: 400 }),
            resource(logGroup, "forever", { kmsKeyId: keyArn }),
            resource(logGroup, "other", { retentionInDays: 1 }),
            configFor("logging", ["plain", "good", "forever"]),
        ]);
        expect(r.violating).toEqual(["plain"]);
        expect(r.clean).toEqual(["forever", "good", "logging", "other"]);
        // Both gaps of one log group are one finding that lists each setting.
        expect(r.messages("plain")).toHaveLength(1);
        expect(parseMessage(r.messages("plain")[0] ?? "")?.findings).toEqual([
            {
                setting: "kmsKeyId",
                found: "not set (encrypted with a CloudWatch Logs service key) (receives Bedrock invocation logs from 'logging')",
                expected: "the ARN of a customer managed KMS key",
            },
            {
                setting: "retentionInDays",
                found: "30 (receives Bedrock invocation logs from 'logging')",
                expected: "at least 365, or not set (logs never expire)",
            },
        ]);
        expect(r.diagnostics.every((d) => d.enforcementLevel === "advisory" && d.severity === "medium")).toBe(true);
    });

    it("honours the configured minimum retention", async () => {
        const r = await evaluate(
            pack,
            id,
            [resource(logGroup, "g", { kmsKeyId: keyArn, retentionInDays: 90 }), configFor("logging", ["g"])],
            { properties: { minRetentionDays: 90 } },
        );
        expect(r.violating).toEqual([]);
    });

    it("counts an unknown key as set and leaves unknown retention to pulumi up", async () => {
        const r = await evaluate(pack, id, [
            resource(logGroup, "g", { kmsKeyId: unknown, retentionInDays: unknown }),
            resource(
                logGroup,
                "computed",
                { name: "x" },
                { outputs: { name: "x", kmsKeyId: unknown, retentionInDays: unknown } },
            ),
            configFor("logging", ["g", "computed"]),
        ]);
        expect(r.undecided).toEqual(["g"]);
        expect(r.violating).toEqual(["computed"]);
    });

    it("judges secrets without printing them and survives odd input", async () => {
        const r = await evaluate(pack, id, [
            resource(logGroup, "secret", { kmsKeyId: secret("arn:aws:kms:s3cr3t"), retentionInDays: secret(10) }),
            resource(logGroup, "odd", { kmsKeyId: 5, retentionInDays: "long" }),
            configFor("logging", ["secret", "odd"]),
            resource(logging, "odd-config", { loggingConfig: "x" }),
        ]);
        expect(r.violating).toEqual(["odd", "secret"]);
        expect(r.diagnostics.map((d) => d.message).join("\n")).not.toContain("s3cr3t");
    });
});
