// The pack as an OSCAL 1.0.6 Component Definition: one software component (the pack) with one control
// implementation per framework it cites, and in each an implemented requirement per (check, control)
// saying how the check evidences the control. UUIDs are name-based, so regenerating keeps them.
import { relationVerbs } from "../../policy-pack/core/vocabulary";
import { frameworkSource, frameworkTitle, markdown, oscalControlId, oscalVersion, props } from "../oscal/common";
import { oscalUuid } from "../oscal/uuid";
import type { PackControl, PackMetadata, PackPolicy } from "../pack-metadata";

/** Frameworks in first-cited order, so the document follows the catalog. */
function frameworksOf(pack: PackMetadata): string[] {
    return [...new Set(pack.policies.flatMap((p) => p.controls.map((c) => c.framework)))];
}

function requirementDescription(p: PackPolicy, c: PackControl): string {
    const how = c.relation
        ? `The check \`${p.id}\` ${relationVerbs[c.relation]} ${c.id}.`
        : `The check \`${p.id}\` cites ${c.id}.`;
    return [how, markdown(p.description), ...(c.rationale ? [markdown(c.rationale)] : [])].join(" ");
}

function implementedRequirement(pack: PackMetadata, p: PackPolicy, c: PackControl) {
    return {
        uuid: oscalUuid("implemented-requirement", pack.name, p.id, c.framework, c.id),
        "control-id": oscalControlId(c.framework, c.id),
        description: requirementDescription(p, c),
        props: props({
            "policy-id": p.id,
            "control-label": c.id,
            relation: c.relation,
            kind: p.kind,
            area: p.area,
            layer: p.layer,
            cloud: p.cloud,
            severity: p.severity,
            "enforcement-level": p.enforcementLevel,
        }),
        ...(p.url ? { links: [{ href: p.url, rel: "reference", text: `${p.id} in the policy reference` }] } : {}),
        ...(p.remediation.length > 0
            ? { remarks: `Remediation:\n\n${p.remediation.map((r) => `- ${markdown(r)}`).join("\n")}` }
            : {}),
    };
}

export function componentDefinition(pack: PackMetadata, lastModified: string) {
    const implementations = frameworksOf(pack).map((framework) => ({
        uuid: oscalUuid("control-implementation", pack.name, framework),
        source: frameworkSource(framework),
        description: `Checks of the ${pack.name} policy pack that evidence ${frameworkTitle(framework)}.`,
        props: props({ framework }),
        "implemented-requirements": pack.policies.flatMap((p) =>
            p.controls.filter((c) => c.framework === framework).map((c) => implementedRequirement(pack, p, c)),
        ),
    }));
    return {
        "component-definition": {
            uuid: oscalUuid("component-definition", pack.name, pack.version),
            metadata: {
                title: `${pack.name} policy pack ${pack.version}`,
                "last-modified": lastModified,
                version: pack.version,
                "oscal-version": oscalVersion,
            },
            components: [
                {
                    uuid: oscalUuid("component", pack.name),
                    type: "software",
                    title: `${pack.name} policy pack`,
                    description: `Pulumi CrossGuard policy pack ${pack.name} ${pack.version}: ${pack.policies.length} checks evaluated by \`pulumi preview --policy-pack\` before deployment.`,
                    purpose: "Checks infrastructure as code against security controls before it is deployed.",
                    props: props({ version: pack.version, "policy-count": String(pack.policies.length) }),
                    ...(implementations.length > 0 ? { "control-implementations": implementations } : {}),
                },
            ],
        },
    };
}

export function renderOscalComponent(pack: PackMetadata, lastModified: string): string {
    return `${JSON.stringify(componentDefinition(pack, lastModified), null, 2)}\n`;
}
