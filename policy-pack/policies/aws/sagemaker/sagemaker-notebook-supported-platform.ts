import { cite } from "../../../core/citations";
import { defineResourcePolicy } from "../../../core/definition";
import { describe } from "../../../core/values";

interface PlatformConfig {
    readonly allowedPlatforms?: readonly string[];
}

export const defaultAllowedPlatforms: readonly string[] = ["notebook-al2023-v1"];
const providerDefault = "notebook-al2-v3";

export default defineResourcePolicy<PlatformConfig>({
    id: "sagemaker-notebook-supported-platform",
    cloud: "aws",
    resourceTypes: ["aws:sagemaker/notebookInstance:NotebookInstance"],
    area: "supply-chain",
    layer: "paas",
    severity: "medium",
    enforcementLevel: "advisory",
    description: "SageMaker notebook instances run on a platform identifier from the approved list.",
    controls: cite({
        "nist-800-53": {
            implements: ["SI-2"],
            supports: ["CM-2"],
            why: "Notebooks run on an approved platform version that still receives security fixes.",
        },
        "mitre-atlas": {
            mitigates: ["AML.T0010.001"],
            why: "A supported platform gets patched ML software, narrowing exposure to known-vulnerable libraries.",
        },
        "iso-27001": {
            implements: ["A.8.8"],
            why: "Management of technical vulnerabilities: outdated platform images are rejected.",
        },
    }),
    peers: [{ tool: "aws-securityhub", id: "SageMaker.8" }],
    remediation: [
        'Set platformIdentifier to an approved platform (by default "notebook-al2023-v1") when creating the notebook instance.',
        "Move notebooks off Amazon Linux 2 platforms before they reach end of support.",
    ],
    notes: [
        'The provider default is "notebook-al2-v3", which Security Hub SageMaker.8 does not accept, so a notebook that leaves platformIdentifier unset fails unless the default is on the allowlist.',
        'allowedPlatforms (default ["notebook-al2023-v1"]) lists the accepted identifiers; matching is case-insensitive.',
        "The value is a literal in programs, so the check decides during preview; a computed unknown value is decided at pulumi up.",
    ],
    configSchema: {
        properties: {
            allowedPlatforms: {
                type: "array",
                items: { type: "string" },
                default: defaultAllowedPlatforms,
                description: "Accepted notebook platformIdentifier values.",
            },
        },
    },
    validate(notebook, check) {
        const configured = check.config?.allowedPlatforms;
        const allowed = (Array.isArray(configured) ? configured : defaultAllowedPlatforms).filter(
            (p): p is string => typeof p === "string",
        );
        const isAllowed = (value: string) => allowed.some((a) => a.toLowerCase() === value.toLowerCase());
        const expected =
            allowed.length > 0 ? `one of ${allowed.map((a) => `"${a}"`).join(", ")}` : "an approved platform";
        const platform = notebook.get("platformIdentifier");
        if (platform.state === "unknown") {
            check.undecided("platformIdentifier");
            return;
        }
        if (platform.state === "missing") {
            if (!isAllowed(providerDefault)) {
                check.fail({
                    setting: "platformIdentifier",
                    found: `not set (provider default "${providerDefault}")`,
                    expected,
                });
            }
            return;
        }
        if (typeof platform.value === "string" && isAllowed(platform.value)) {
            return;
        }
        check.fail({
            setting: "platformIdentifier",
            found: describe(platform),
            expected,
        });
    },
});
