import { cite } from "../../../core/citations";
import { defineResourcePolicy } from "../../../core/definition";
import { arrayOf, describe, field } from "../../../core/values";
import { freeTierNote, isFreeTierAccount } from "../../../shared/azure-ai-accounts";

interface Config {
    kinds?: unknown;
}

const defaultKinds = ["SpeechServices", "FormRecognizer", "TextAnalytics"];

export default defineResourcePolicy<Config>({
    id: "ai-account-user-owned-storage",
    cloud: "azure",
    resourceTypes: ["azure-native:cognitiveservices:Account"],
    area: "model-storage",
    layer: "fm-api",
    severity: "medium",
    enforcementLevel: "advisory",
    description:
        "Cognitive Services accounts of kinds that support it (Speech, Document Intelligence and Language by default) store their data in a customer-owned storage account.",
    controls: cite({
        "nist-800-53": {
            supports: ["SC-28", "AC-3"],
            why: "Service data sits in a storage account the customer owns, under the customer's encryption and access controls.",
        },
        "mitre-atlas": {
            supports: ["AML.M0005"],
            why: "Data the AI service stores is held where the customer's access controls apply.",
        },
        "iso-27001": {
            supports: ["A.5.23"],
            why: "Information security for use of cloud services: service data stays in customer-controlled storage.",
        },
    }),
    peers: [{ tool: "azure-policy", id: "46aa9b05-0e60-4eae-a88b-1e9d374fa515" }],
    remediation: [
        "Set properties.userOwnedStorage to a list with the resource id of a storage account you control (resourceId).",
        "Give the account a managed identity with Storage Blob Data Contributor on that storage account, and harden the storage account (private access, customer-managed key).",
    ],
    notes: [
        freeTierNote,
        'Applies to the kinds in the policy config property kinds (default "SpeechServices", "FormRecognizer", "TextAnalytics"; compared case-insensitively). Azure Policy 46aa9b05 keys on the read-only CustomerManagedStorage capability, which a program cannot see, so the kinds are configured instead.',
        "Without properties.userOwnedStorage the service keeps the data in Microsoft-managed storage, and the account fails; so does an entry without resourceId.",
        "Storage account ids usually come from resources of the same stack and are unknown during preview: they count as set. If kind is unknown, the check decides at pulumi up.",
        "Advisory: user-owned storage moves the data under the customer's own controls, but is not available for every feature.",
        "azure-native applies defaults to the properties bag through apply, so the whole bag is unknown during preview when any value inside it is (for example a key URI created in the same program); the check then decides at pulumi up.",
    ],
    configSchema: {
        properties: {
            kinds: {
                type: "array",
                items: { type: "string" },
                default: defaultKinds,
                description: "Account kinds that must use customer-owned storage.",
            },
        },
    },
    validate(account, check) {
        if (isFreeTierAccount(account)) {
            return;
        }
        const configured = check.config.kinds;
        const kinds = Array.isArray(configured)
            ? configured.filter((k): k is string => typeof k === "string")
            : defaultKinds;
        const kind = account.get("kind");
        if (kind.state === "unknown") {
            check.undecided(kind.path);
            return;
        }
        if (
            !(
                kind.state === "known" &&
                typeof kind.value === "string" &&
                kinds.some((k) => k.toLowerCase() === (kind.value as string).toLowerCase())
            )
        ) {
            return;
        }
        const storage = account.get("properties.userOwnedStorage");
        if (storage.state === "unknown") {
            return;
        }
        const list = arrayOf(storage);
        if (list === undefined || list.length === 0) {
            check.fail({
                setting: "properties.userOwnedStorage",
                found: storage.state === "missing" ? "not set (Microsoft-managed storage)" : describe(storage),
                expected: "a storage account you own (resourceId)",
            });
            return;
        }
        list.forEach((entry, i) => {
            const id = field(entry, "resourceId");
            const set =
                id.state === "unknown" ||
                (id.state === "known" && typeof id.value === "string" && id.value.trim() !== "");
            if (!set) {
                check.fail({
                    setting: `properties.userOwnedStorage[${i}].resourceId`,
                    found: id.state === "known" && typeof id.value === "string" ? "an empty string" : describe(id),
                    expected: "the resource id of a storage account you own",
                });
            }
        });
    },
});
