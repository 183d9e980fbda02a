import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PackSession } from "../../../../harness/engine";
import type { WireObject } from "../../../../harness/model";
import { evaluate, openPack, resource, secret, unknown } from "../../../../tests/support/pack";

const type = "aws:sagemaker/notebookInstanceLifecycleConfiguration:NotebookInstanceLifecycleConfiguration";
const id = "sagemaker-notebook-lifecycle-no-secrets";
const b64 = (s: string) => Buffer.from(s, "utf8").toString("base64");
// Fake credentials assembled at run time, so no scanner mistakes this file for a leak.
const accessKey = ["AKIA", "IOSFODNN7", "EXAMPLE"].join("");
const secretKey = ["wJalrXUtnFEMI", "K7MDENG", "bPxRfiCYEXAMPLEKEY"].join("/");
const pemHeader = ["-----BEGIN", "RSA PRIVATE KEY-----"].join(" ");
const password = "hunter2-Sup3r";

const clean =
    "#!/bin/bash\nset -e\npip install --quiet pandas\nsudo -u ec2-user -i <<'EOF'\nconda activate python3\nEOF\n";
const lc = (name: string, inputs: WireObject) => resource(type, name, inputs);

let pack: PackSession;
beforeAll(async () => {
    pack = await openPack();
});
afterAll(async () => {
    await pack?.close();
});

describe(id, () => {
    it("flags scripts that embed credentials, in onCreate or onStart", async () => {
        const r = await evaluate(pack, id, [
            lc("access-key", { onCreate: b64(`export AWS_ACCESS_KEY_ID=${accessKey}\n`) }),
            lc("secret-key", {
                onStart: b64(
                    `aws configure set aws_secret_access_key ${secretKey}\naws_secret_access_key=${secretKey}\n`,
                ),
            }),
            lc("private-key", { onStart: b64(`cat > /home/ec2-user/.ssh/id_rsa <<EOF\n${pemHeader}\nMIIE\nEOF\n`) }),
            lc("password", { onCreate: b64(`DB_PASSWORD="${password}"\n`) }),
            lc("api-key", { onCreate: b64(`echo 'api_key: ${password}' > ~/.config\n`) }),
            lc("plain-text", { onCreate: `export AWS_ACCESS_KEY_ID=${accessKey}` }),
            lc("clean", { onCreate: b64(clean), onStart: b64(clean) }),
            lc("variables", {
                onStart: b64(
                    'PASSWORD=$(aws secretsmanager get-secret-value --secret-id db --query SecretString --output text)\npassword="$DB_PASS"\ndocker login --password-stdin < ./p\nAPI_KEY=\n',
                ),
            }),
            lc("empty", {}),
        ]);
        expect(r.violating).toEqual(["access-key", "api-key", "password", "plain-text", "private-key", "secret-key"]);
        expect(r.clean).toEqual(["clean", "empty", "variables"]);
        expect(r.undecided).toEqual([]);
        expect(r.diagnostics.every((d) => d.enforcementLevel === "advisory" && d.severity === "high")).toBe(true);
        expect(r.messages("access-key")).toEqual([
            expect.stringMatching(
                /^NotebookInstanceLifecycleConfiguration 'access-key': onCreate is a script that embeds an AWS access key id; expected no credentials .+\. Fix: Remove the credential/,
            ),
        ]);
        expect(r.messages("private-key")[0]).toContain("onStart is a script that embeds a private key");
    });

    it("never prints the credential", async () => {
        const r = await evaluate(pack, id, [
            lc("all", {
                onCreate: b64(`${accessKey}\naws_secret_access_key=${secretKey}\n${pemHeader}\npassword=${password}\n`),
            }),
        ]);
        expect(r.violating).toEqual(["all"]);
        const text = r.messages("all").join("\n");
        for (const s of [accessKey, secretKey, password, "MIIE", "AKIA"]) {
            expect(text).not.toContain(s);
        }
        expect(text).toContain(
            "an AWS access key id and an AWS secret access key and a private key and a hard-coded password",
        );
    });

    it("judges secret scripts and leaves unknown scripts to pulumi up", async () => {
        const r = await evaluate(pack, id, [
            lc("secret-bad", { onCreate: secret(b64(`export AWS_ACCESS_KEY_ID=${accessKey}`)) }),
            lc("secret-clean", { onCreate: secret(b64(clean)) }),
            lc("unknown", { onCreate: unknown, onStart: b64(clean) }),
            lc("unknown-but-failing", { onCreate: unknown, onStart: b64(`password=${password}`) }),
        ]);
        expect(r.violating).toEqual(["secret-bad", "unknown-but-failing"]);
        expect(r.clean).toEqual(["secret-clean"]);
        expect(r.undecided).toEqual(["unknown"]);
        expect(r.diagnostics.map((d) => d.message).join("\n")).not.toContain(accessKey);
    });

    it("does not throw on values of the wrong type", async () => {
        const r = await evaluate(pack, id, [
            lc("number", { onCreate: 5 }),
            lc("object", { onCreate: { script: accessKey } }),
            lc("null", { onCreate: null, onStart: null }),
            lc("not-base64", { onCreate: "%%%not base64%%%" }),
        ]);
        expect(r.violating).toEqual([]);
        expect(r.clean).toEqual(["not-base64", "null", "number", "object"]);
    });
});
