// What the instance checks and their launch-template twins cite. An instance and the template it is
// launched from carry the same control for the same reason, so the reason is worded once here.
import { cite } from "../core/citations";
import type { SettingRule } from "../core/settings";

export const exampleKeyArn = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";

export const noPublicAddressControls = cite({
    "nist-800-53": {
        supports: ["SC-7"],
        why: "The model host, launched directly or from a template, has no public address, so it is reachable only through the boundary the network defines.",
    },
    "mitre-atlas": {
        supports: ["AML.M0019"],
        mitigates: ["AML.T0049"],
        why: "A model server without a public address cannot be reached directly from the internet.",
    },
    "iso-27001": {
        supports: ["A.8.20"],
        why: "Network security: self-hosted model compute stays on private addresses.",
    },
});

export const volumeKeyControls = cite({
    "nist-800-53": {
        implements: ["SC-28(1)"],
        supports: ["SC-12"],
        why: "Encrypted at rest under a customer managed key: the volumes of model hosts, which hold model weights and inference data.",
    },
    "mitre-atlas": {
        implements: ["AML.M0012"],
        mitigates: ["AML.T0035"],
        why: "A snapshot or copy of a model host's volume is unreadable without use of the customer key.",
    },
    "iso-27001": {
        implements: ["A.8.24"],
        why: "Use of cryptography: the check requires encryption at rest with a customer managed key.",
    },
});

/**
 * The two settings of one EBS volume definition: encrypted, and under a key the program names.
 * `encrypted` lists the values the provider takes for true (a launch template takes a string).
 */
export function volumeKeySettings(
    prefix: string,
    encrypted: {
        readonly values: readonly [string | boolean, ...(string | boolean)[]];
        readonly violating: string | boolean;
    },
    encryptedDefault: string,
): SettingRule[] {
    return [
        {
            path: `${prefix}encrypted`,
            expect: { kind: "oneOf", values: encrypted.values },
            missing: { verdict: "violation", providerDefault: encryptedDefault },
            examples: { violating: encrypted.violating, compliant: encrypted.values[0] },
        },
        {
            path: `${prefix}kmsKeyId`,
            expect: { kind: "present" },
            missing: { verdict: "violation", providerDefault: "the AWS managed key aws/ebs" },
            examples: { violating: "", compliant: exampleKeyArn },
        },
    ];
}
