// The one classification of AI and business systems, on hand-built stack graphs. Policies that use
// it are tested through the pack; this pins the rules themselves.
import { describe, expect, it } from "vitest";
import { classify, matchesTags } from "../policy-pack/core/classification";
import type { StackResource } from "../policy-pack/core/definition";
import { readPath } from "../policy-pack/core/values";

type Mutable = { -readonly [K in keyof StackResource]: StackResource[K] };

function graph(spec: Record<string, { type: string; tags?: Record<string, string>; refs?: string[] }>) {
    const nodes = new Map<string, Mutable>();
    for (const [name, s] of Object.entries(spec)) {
        const props = s.tags ? { tags: s.tags } : {};
        nodes.set(name, {
            urn: `urn:pulumi:dev::p::${s.type}::${name}`,
            type: s.type,
            name,
            get: (path) => readPath(props, path),
            dependencies: [],
            propertyDependencies: {},
            setByProgram: () => undefined,
        });
    }
    for (const [name, s] of Object.entries(spec)) {
        const node = nodes.get(name) as Mutable;
        node.propertyDependencies = { ref: (s.refs ?? []).map((r) => nodes.get(r) as StackResource) };
    }
    const resources = [...nodes.values()];
    return { resources, at: (name: string) => nodes.get(name) as StackResource };
}

describe("classification of AI and business systems", () => {
    it("puts AI services and what they reference in the AI system, not what those reference in turn", () => {
        const g = graph({
            model: { type: "aws:sagemaker/model:Model", refs: ["weights", "role", "model-sg"] },
            weights: { type: "aws:s3/bucket:Bucket" },
            role: { type: "aws:iam/role:Role" },
            "model-sg": { type: "aws:ec2/securityGroup:SecurityGroup", refs: ["client-sg", "vpc"] },
            "client-sg": { type: "aws:ec2/securityGroup:SecurityGroup" },
            vpc: { type: "aws:ec2/vpc:Vpc" },
            other: { type: "aws:s3/bucket:Bucket" },
        });
        const c = classify(g.resources, {});
        const ai = g.resources.filter((r) => c.isAi(r)).map((r) => r.name);
        expect(ai.sort()).toEqual(["model", "model-sg", "role", "weights"]);
        expect(c.reason(g.at("weights"))).toBe("referenced by aws:sagemaker/model:Model 'model'");
    });

    it("follows a private endpoint to an AI account through its subnet to the subnet's NSG", () => {
        const g = graph({
            openai: { type: "azure-native:cognitiveservices:Account" },
            pe: { type: "azure-native:network:PrivateEndpoint", refs: ["openai", "subnet"] },
            subnet: { type: "azure-native:network:Subnet", refs: ["nsg", "vnet"] },
            nsg: { type: "azure-native:network:NetworkSecurityGroup" },
            vnet: { type: "azure-native:network:VirtualNetwork" },
            "app-subnet": { type: "azure-native:network:Subnet", refs: ["app-nsg"] },
            "app-nsg": { type: "azure-native:network:NetworkSecurityGroup" },
        });
        const c = classify(g.resources, {});
        expect(
            g.resources
                .filter((r) => c.isAi(r))
                .map((r) => r.name)
                .sort(),
        ).toEqual(["nsg", "openai", "pe", "subnet"]);
    });

    it("lets a business tag win over a reference from the AI system", () => {
        const g = graph({
            agent: { type: "aws:bedrock/agentAgent:AgentAgent", refs: ["crm-data"] },
            "crm-data": { type: "aws:s3/bucket:Bucket", tags: { "aiguard:system": "business" } },
        });
        const c = classify(g.resources, {});
        expect(c.membership(g.at("crm-data"))).toBe("business");
        expect(c.isAi(g.at("agent"))).toBe(true);
    });

    it("uses configured tag selectors: a value, a list, or any value", () => {
        const g = graph({
            gpu: { type: "aws:ec2/instance:Instance", tags: { workload: "llm" }, refs: ["gpu-sg"] },
            "gpu-sg": { type: "aws:ec2/securityGroup:SecurityGroup" },
            erp: { type: "aws:ec2/instance:Instance", tags: { domain: "finance" } },
        });
        const c = classify(g.resources, { aiTags: { workload: ["llm", "ml"] }, businessTags: { domain: "*" } });
        expect(c.isAi(g.at("gpu"))).toBe(true);
        expect(c.isAi(g.at("gpu-sg"))).toBe(true);
        expect(c.isBusiness(g.at("erp"))).toBe(true);
        // The defaults no longer apply once selectors are configured.
        expect(matchesTags({ "aiguard:system": "ai" }, { workload: "llm" })).toBe(false);
    });

    it("ignores tags of the wrong shape", () => {
        expect(matchesTags(undefined, { a: "*" })).toBe(false);
        expect(matchesTags({ a: 1 }, { a: "*" })).toBe(false);
        expect(matchesTags({ a: "X" }, { a: "x" })).toBe(true);
    });
});
