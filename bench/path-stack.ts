// A large stack for the path policies (used by tests/stack-graph.test.ts and the graph benchmark): isolated AI cells (a VPC, a subnet, a SageMaker endpoint, a
// Lambda front door in the subnet and its role), of which three are joined to business systems:
// cell 0's VPC is peered with two business VPCs (a bridge through its front door), cell 1 holds a
// notebook in a VPC peered with a business VPC, and the last cell's role reads a business table.
import { unknownString as unknown, type WireObject } from "../harness/model";
import type { StackResource } from "../policy-pack/core/definition";
import { readPath } from "../policy-pack/core/values";

/** A resource of the generated stack, in the shape of the test fixtures: other resources named by name. */
export interface GeneratedResource {
    readonly type: string;
    readonly name: string;
    readonly inputs: WireObject;
    readonly options: { readonly propertyDependencies?: Record<string, readonly string[]> };
}

function resource(
    type: string,
    name: string,
    inputs: WireObject,
    options: GeneratedResource["options"] = {},
): GeneratedResource {
    return { type, name, inputs, options };
}

const business = { "aiguard:system": "business" };

function cell(i: number): GeneratedResource[] {
    const p = `cell-${i}`;
    return [
        resource("aws:ec2/vpc:Vpc", `${p}-vpc`, { cidrBlock: "10.0.0.0/16" }),
        resource(
            "aws:ec2/subnet:Subnet",
            `${p}-subnet`,
            { vpcId: unknown, cidrBlock: "10.0.1.0/24" },
            {
                propertyDependencies: { vpcId: [`${p}-vpc`] },
            },
        ),
        resource("aws:sagemaker/endpoint:Endpoint", `${p}-endpoint`, { endpointConfigName: unknown }),
        resource("aws:iam/role:Role", `${p}-role`, { assumeRolePolicy: "{}" }),
        resource(
            "aws:lambda/function:Function",
            `${p}-fn`,
            {
                role: unknown,
                runtime: "python3.12",
                handler: "app.handler",
                environment: { variables: { ENDPOINT_NAME: unknown } },
                vpcConfig: { subnetIds: [unknown], securityGroupIds: [] },
            } as WireObject,
            {
                propertyDependencies: {
                    role: [`${p}-role`],
                    environment: [`${p}-endpoint`],
                    vpcConfig: [`${p}-subnet`],
                },
            },
        ),
    ];
}

const extras = 8;

/** About `size` resources (a multiple of five plus the eight that join cells to business systems). */
export function largeStack(size: number): GeneratedResource[] {
    const cells = Math.max(2, Math.floor((size - extras) / 5));
    const last = `cell-${cells - 1}`;
    const peer = (name: string, a: string, b: string) =>
        resource(
            "aws:ec2/vpcPeeringConnection:VpcPeeringConnection",
            name,
            { vpcId: unknown, peerVpcId: unknown },
            {
                propertyDependencies: { vpcId: [a], peerVpcId: [b] },
            },
        );
    return [
        ...Array.from({ length: cells }, (_, i) => cell(i)).flat(),
        resource("aws:ec2/vpc:Vpc", "erp", { tags: business }),
        resource("aws:ec2/vpc:Vpc", "crm", { tags: business }),
        peer("erp-cell-0", "erp", "cell-0-vpc"),
        peer("crm-cell-0", "crm", "cell-0-vpc"),
        peer("erp-cell-1", "erp", "cell-1-vpc"),
        resource(
            "aws:sagemaker/notebookInstance:NotebookInstance",
            "research",
            { instanceType: "ml.t3.medium", roleArn: "arn:aws:iam::1:role/nb", subnetId: unknown },
            { propertyDependencies: { subnetId: ["cell-1-subnet"] } },
        ),
        resource("aws:dynamodb/table:Table", "orders", { hashKey: "id", tags: business }),
        resource(
            "aws:iam/rolePolicy:RolePolicy",
            "last-reads-orders",
            {
                role: unknown,
                policy: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"dynamodb:Query","Resource":"*"}]}',
            },
            { propertyDependencies: { role: [`${last}-role`], policy: ["orders"] } },
        ),
    ];
}

type Mutable = { -readonly [K in keyof StackResource]: StackResource[K] };

/** The generated stack as the adapter hands it to stack policies. */
export function toStackResources(spec: readonly GeneratedResource[]): StackResource[] {
    const byName = new Map<string, Mutable>();
    for (const s of spec) {
        byName.set(s.name, {
            urn: `urn:pulumi:dev::bench::${s.type}::${s.name}`,
            type: s.type,
            name: s.name,
            get: (path) => readPath(s.inputs, path),
            dependencies: [],
            propertyDependencies: {},
            setByProgram: (prop) => Object.hasOwn(s.inputs, prop),
        });
    }
    for (const s of spec) {
        const r = byName.get(s.name) as Mutable;
        const pd: Record<string, StackResource[]> = {};
        for (const [k, names] of Object.entries(s.options.propertyDependencies ?? {})) {
            pd[k] = names.map((n) => byName.get(n) as StackResource);
        }
        r.propertyDependencies = pd;
        r.dependencies = Object.values(pd).flat();
    }
    return [...byName.values()];
}
