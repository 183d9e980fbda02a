// The fixed vocabulary of the product contract. Extend these lists; never rename or remove a value,
// because reports, scripts and policy config files depend on them.

export const areas = [
    "model-storage",
    "network-isolation",
    "io-logging",
    "segmentation",
    "identity",
    "fm-safety",
    "supply-chain",
] as const;
export type Area = (typeof areas)[number];

export const areaTitles: Record<Area, string> = {
    "model-storage": "Model and data storage",
    "network-isolation": "Network isolation",
    "io-logging": "Model input/output logging",
    segmentation: "AI-to-business segmentation",
    identity: "Identity",
    "fm-safety": "Foundation-model safety",
    "supply-chain": "Supply chain",
};

export const layers = ["iaas", "paas", "fm-api", "data-plane"] as const;
export type Layer = (typeof layers)[number];

export const layerTitles: Record<Layer, string> = {
    iaas: "Self-hosted model on customer-managed compute (IaaS)",
    paas: "Managed ML platform (PaaS)",
    "fm-api": "Foundation-model API (AI as a service)",
    "data-plane": "Data plane: stores, registries, keys and log sinks",
};

export const frameworks = [
    "nist-ai-rmf",
    "nist-ai-600-1",
    "nist-800-53",
    "iso-42001",
    "iso-27001",
    "owasp-llm",
    "mitre-atlas",
] as const;
export type Framework = (typeof frameworks)[number];

export const frameworkTitles: Record<Framework, string> = {
    "nist-ai-rmf": "NIST AI RMF 1.0 (AI 100-1)",
    "nist-ai-600-1": "NIST AI 600-1 Generative AI Profile",
    "nist-800-53": "NIST SP 800-53 Rev. 5",
    "iso-42001": "ISO/IEC 42001:2023",
    "iso-27001": "ISO/IEC 27001:2022",
    "owasp-llm": "OWASP Top 10 for LLM Applications 2025",
    "mitre-atlas": "MITRE ATLAS",
};

export const peerTools = ["checkov", "prowler", "aws-securityhub", "azure-policy", "kics", "trivy"] as const;
export type PeerTool = (typeof peerTools)[number];

export const severities = ["low", "medium", "high", "critical"] as const;
export type Severity = (typeof severities)[number];

export const clouds = ["aws", "azure", "any"] as const;
export type Cloud = (typeof clouds)[number];

export const policyKinds = ["resource", "stack"] as const;
export type PolicyKind = (typeof policyKinds)[number];

/** The levels a policy may default to; `remediate` is not offered because no policy here rewrites inputs. */
export const defaultEnforcementLevels = ["advisory", "mandatory"] as const;
export type DefaultEnforcementLevel = (typeof defaultEnforcementLevels)[number];

/**
 * How a check relates to a cited id: it `implements` the control (the check's verdict is direct evidence
 * the control is in place), `supports` it (partial evidence: one setting of several the control needs), or
 * `mitigates` a threat (ATLAS techniques, OWASP LLM risks, NIST AI 600-1 risk categories).
 */
export const controlRelations = ["implements", "supports", "mitigates"] as const;
export type ControlRelation = (typeof controlRelations)[number];

/** How reports and docs word a relation before the id: "implements SC-28", "helps against AML.T0025". */
export const relationVerbs: Record<ControlRelation, string> = {
    implements: "implements",
    supports: "supports",
    mitigates: "helps against",
};

export interface Control {
    readonly framework: Framework;
    readonly id: string;
    /** Contract extension: how the check relates to this id. */
    readonly relation: ControlRelation;
    /** One line on why the check is evidence for (or against the threat of) this id. */
    readonly rationale: string;
}

export interface Peer {
    readonly tool: PeerTool;
    readonly id: string;
}
