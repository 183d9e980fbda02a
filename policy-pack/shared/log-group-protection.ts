// What protects a CloudWatch log group that holds prompts and completions: a customer managed KMS
// key and a retention of at least the configured days. Shared by the check on Bedrock invocation
// log groups and the one on every other log group of the AI system.
import type { StackResource } from "../core/definition";
import { describe, isNonEmptyString } from "../core/values";
import type { FindingSink } from "./iam-policy";

export const defaultMinRetentionDays = 365;

/**
 * Records the failing settings of `group` in `sink`; `where` says why the group is judged (appended
 * to the found value). kmsKeyId unknown counts as set; retentionInDays unset or 0 never expires.
 */
export function judgeLogGroup(group: StackResource, minDays: number, where: string, sink: FindingSink): void {
    const key = group.get("kmsKeyId");
    const keyUnset = key.state === "unknown" ? group.setByProgram("kmsKeyId") === false : !isNonEmptyString(key);
    if (keyUnset) {
        sink.fail(group, {
            setting: "kmsKeyId",
            found: `${key.state === "known" ? describe(key) : "not set (encrypted with a CloudWatch Logs service key)"}${where}`,
            expected: "the ARN of a customer managed KMS key",
        });
    }
    const retention = group.get("retentionInDays");
    if (retention.state === "unknown") {
        if (group.setByProgram("retentionInDays") !== false) {
            sink.undecided(group, "retentionInDays");
        }
    } else if (retention.state === "known") {
        const days = retention.value;
        if (!(typeof days === "number" && (days === 0 || days >= minDays))) {
            sink.fail(group, {
                setting: "retentionInDays",
                found: `${describe(retention)}${where}`,
                expected: `at least ${minDays}, or not set (logs never expire)`,
            });
        }
    }
}
