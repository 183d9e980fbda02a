// The SageMaker workspace components (Studio domain, VPC-only notebook, model image repository) pass
// the whole pack with their defaults, each loosening option yields exactly the finding of the
// policy that guards it, and every argument is checked with an error naming component and argument.
import * as path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { validateModelImageRepositoryArgs } from "../components/aws/model-image-repository";
import type { PrivateAiNetwork } from "../components/aws/private-ai-network";
import { validateSageMakerStudioDomainArgs } from "../components/aws/sagemaker-studio-domain";
import type { StoreAccess } from "../components/aws/shared/store-access";
import { validateVpcOnlyNotebookArgs } from "../components/aws/vpc-only-notebook";
import { ArgumentError, validateFor } from "../components/shared/validation";
import { captureProgram } from "../harness/capture/capture";
import { type Diagnostic, PackSession } from "../harness/engine";
import type { ResourceSnapshot } from "../harness/model";
import { packDir } from "./support/pack";

const programs = path.join(__dirname, "fixtures", "programs");

async function preview(dir: string): Promise<{ diagnostics: Diagnostic[]; resources: readonly ResourceSnapshot[] }> {
    // A shared machine can take more than the CLI's default 120 s to type-check and run a program.
    const captured = await captureProgram(dir, { stack: "dev", timeoutMs: 280_000 });
    const session = await PackSession.open({ packDir, project: captured.program.project, stack: "dev", dryRun: true });
    try {
        const result = await session.run({ resources: captured.resources, dryRun: true, config: captured.config });
        return { diagnostics: [...result.diagnostics], resources: captured.resources };
    } finally {
        await session.close();
    }
}

const describeFinding = (d: Diagnostic) => `${d.policy} on ${d.name}${d.undecided ? " (undecided)" : ""}`;

describe("SageMaker workspace components with their defaults", () => {
    let diagnostics: Diagnostic[];
    let resources: readonly ResourceSnapshot[];
    const inputsOf = (type: string) => resources.filter((r) => r.type === type).map((r) => r.inputs);
    beforeAll(async () => {
        ({ diagnostics, resources } = await preview(path.join(programs, "aws-sagemaker-components")));
    }, 300_000);

    it("have no violation and nothing left undecided under the full pack", () => {
        expect(diagnostics.map(describeFinding)).toEqual([]);
    });

    it("create the Studio domain, its user profile, the notebook and the repository the pack judged", () => {
        const types = resources.map((r) => r.type);
        for (const t of [
            "aws:sagemaker/domain:Domain",
            "aws:sagemaker/userProfile:UserProfile",
            "aws:sagemaker/notebookInstance:NotebookInstance",
            "aws:ecr/repository:Repository",
            "aws:ecr/repositoryPolicy:RepositoryPolicy",
            "aws:ecr/lifecyclePolicy:LifecyclePolicy",
        ]) {
            expect(types).toContain(t);
        }
    });

    it("name the notebook and Studio endpoints the way AWS does", () => {
        const services = inputsOf("aws:ec2/vpcEndpoint:VpcEndpoint").map((i) => i.serviceName);
        expect(services).toContain("aws.sagemaker.us-east-1.notebook");
        expect(services).toContain("aws.sagemaker.us-east-1.studio");
        expect(services).toContain("com.amazonaws.us-east-1.sagemaker.api");
    });

    it("harden the Studio defaults the pack has no policy for", () => {
        const [domain] = inputsOf("aws:sagemaker/domain:Domain");
        expect(domain?.defaultUserSettings).toMatchObject({ sharingSettings: { notebookOutputOption: "Disabled" } });
        expect(domain?.domainSettings).toMatchObject({
            executionRoleIdentityConfig: "USER_PROFILE_NAME",
            dockerSettings: { enableDockerAccess: "DISABLED" },
        });
        const [profile] = inputsOf("aws:sagemaker/userProfile:UserProfile");
        expect(profile).toMatchObject({ singleSignOnUserIdentifier: "UserName", singleSignOnUserValue: "ada" });
    });

    it("open the Studio security group only within itself, for NFS and between apps", () => {
        const studio = resources.filter((r) => r.type.startsWith("aws:vpc/") && r.name.startsWith("research-studio-"));
        expect(studio.map((r) => r.name).sort()).toEqual(
            [
                "research-studio-apps-in",
                "research-studio-apps-out",
                "research-studio-nfs-in",
                "research-studio-nfs-out",
            ].sort(),
        );
        for (const r of studio) {
            expect(r.inputs.cidrIpv4).toBeUndefined();
            expect(r.propertyDependencies.referencedSecurityGroupId).toEqual(r.propertyDependencies.securityGroupId);
        }
    });

    it("grant the repository to the provider's account by name, never to *", () => {
        const [policy] = inputsOf("aws:ecr/repositoryPolicy:RepositoryPolicy");
        const text = JSON.stringify(policy?.policy);
        expect(text).toContain("arn:aws:iam::");
        expect(text).toContain(":root");
        expect(text).not.toContain('"*"');
        const [lifecycle] = inputsOf("aws:ecr/lifecyclePolicy:LifecyclePolicy");
        expect(JSON.parse(lifecycle?.policy as string)).toEqual({
            rules: [
                {
                    rulePriority: 1,
                    description: "Expire untagged images 14 days after push",
                    selection: {
                        tagStatus: "untagged",
                        countType: "sinceImagePushed",
                        countUnit: "days",
                        countNumber: 14,
                    },
                    action: { type: "expire" },
                },
            ],
        });
    });
});

describe("SageMaker workspace components with a default loosened", () => {
    let diagnostics: Diagnostic[];
    beforeAll(async () => {
        ({ diagnostics } = await preview(path.join(programs, "aws-sagemaker-loosened")));
    }, 300_000);

    it("yield exactly the finding of the policy guarding each option, and nothing else", () => {
        expect(diagnostics.map(describeFinding).sort()).toEqual(
            [
                // authMode: "IAM"
                "sagemaker-domain-sso on iam-auth-studio",
                // platformIdentifier: "notebook-al2-v3"
                "sagemaker-notebook-supported-platform on al2-notebook",
                // a lifecycle script that embeds a credential
                "sagemaker-notebook-lifecycle-no-secrets on secret-lifecycle-notebook",
                // mutableTags: true
                "model-image-repo-immutable-tags on mutable-tags-repo",
            ].sort(),
        );
    });
});

const network = {} as PrivateAiNetwork;
const store = {} as StoreAccess["store"];
const notebook = (extra: Partial<Parameters<typeof validateVpcOnlyNotebookArgs>[0]>, name?: string) => () =>
    validateVpcOnlyNotebookArgs({ network, ...extra }, name);
const studio = (extra: Partial<Parameters<typeof validateSageMakerStudioDomainArgs>[0]>, name?: string) => () =>
    validateSageMakerStudioDomainArgs({ network, ...extra }, name);
const repository = (extra: Parameters<typeof validateModelImageRepositoryArgs>[0], name?: string) => () =>
    validateModelImageRepositoryArgs(extra, name);

describe("SageMaker workspace component arguments", () => {
    it.each([
        ["VpcOnlyNotebook", notebook({ network: undefined as never }), /argument 'network' is missing/],
        // The provider appends an 8-character suffix to the name, which must stay within 63.
        [
            "VpcOnlyNotebook",
            notebook({}, "n".repeat(56)),
            /argument '\(instance\)' is 'n{56}'; allowed: 1 to 55 letters/,
        ],
        [
            "VpcOnlyNotebook",
            notebook({ instanceType: "t3.medium" }),
            /argument 'instanceType' is 't3\.medium'; allowed: a SageMaker instance type/,
        ],
        [
            "VpcOnlyNotebook",
            notebook({ volumeSizeInGb: 4 }),
            /argument 'volumeSizeInGb' is 4; allowed: a number from 5 to 16384/,
        ],
        [
            "VpcOnlyNotebook",
            notebook({ kmsKeyArn: "alias/notebooks" }),
            /argument 'kmsKeyArn' is 'alias\/notebooks'; allowed: a KMS key ARN/,
        ],
        [
            "VpcOnlyNotebook",
            notebook({ platformIdentifier: "al2023" }),
            /argument 'platformIdentifier' is 'al2023'; allowed: a notebook platform/,
        ],
        ["VpcOnlyNotebook", notebook({ lifecycle: {} }), /argument 'lifecycle' has no script/],
        ["VpcOnlyNotebook", notebook({ lifecycle: { onStart: " " } }), /argument 'lifecycle\.onStart' is empty/],
        [
            "VpcOnlyNotebook",
            notebook({ lifecycle: { onCreate: "x".repeat(12_289) } }),
            /argument 'lifecycle\.onCreate' is 16388 characters once base64-encoded; allowed: a script of up to 16384/,
        ],
        [
            "VpcOnlyNotebook",
            notebook({ storeAccess: [{ store, prefix: "" }] }),
            /argument 'storeAccess\[0\]\.prefix' is ''/,
        ],
        [
            "VpcOnlyNotebook",
            notebook({ storeAccess: [{ store, prefix: "a/", access: "write" as "read" }] }),
            /argument 'storeAccess\[0\]\.access' is 'write'; allowed: 'read', 'read-write'/,
        ],
        ["SageMakerStudioDomain", studio({ network: undefined as never }), /argument 'network' is missing/],
        [
            "SageMakerStudioDomain",
            studio({ domainName: "my_studio" }),
            /argument 'domainName' is 'my_studio'; allowed: 1 to 63 letters/,
        ],
        ["SageMakerStudioDomain", studio({}, "studio.dev"), /argument '\(instance\)' is 'studio\.dev'/],
        [
            "SageMakerStudioDomain",
            studio({ authMode: "OIDC" as "SSO" }),
            /argument 'authMode' is 'OIDC'; allowed: 'SSO', 'IAM'/,
        ],
        [
            "SageMakerStudioDomain",
            studio({ kmsKeyArn: "1234abcd" }),
            /argument 'kmsKeyArn' is '1234abcd'; allowed: a KMS key ARN/,
        ],
        [
            "SageMakerStudioDomain",
            studio({ userProfiles: [{ name: "-ada", ssoUserName: "ada" }] }),
            /argument 'userProfiles\[0\]\.name' is '-ada'/,
        ],
        [
            "SageMakerStudioDomain",
            studio({
                userProfiles: [
                    { name: "ada", ssoUserName: "ada" },
                    { name: "ada", ssoUserName: "ada2" },
                ],
            }),
            /argument 'userProfiles\[1\]\.name' is 'ada' again; allowed: distinct names/,
        ],
        [
            "SageMakerStudioDomain",
            studio({ userProfiles: [{ name: "ada" }] }),
            /argument 'userProfiles\[0\]\.ssoUserName' is missing; allowed: the IAM Identity Center user name/,
        ],
        [
            "SageMakerStudioDomain",
            studio({ authMode: "IAM", userProfiles: [{ name: "ada", ssoUserName: "ada" }] }),
            /argument 'userProfiles\[0\]\.ssoUserName' is 'ada'; allowed: nothing when authMode is "IAM"/,
        ],
        [
            "SageMakerStudioDomain",
            studio({ storeAccess: [{ store, prefix: "data/*" }] }),
            /argument 'storeAccess\[0\]\.prefix' is 'data\/\*'/,
        ],
        [
            "ModelImageRepository",
            repository({}, "Fraud-Server"),
            /argument '\(instance\)' is 'Fraud-Server'; allowed: an ECR repository name/,
        ],
        [
            "ModelImageRepository",
            repository({ kmsKeyArn: "arn:aws:kms:us-east-1:111122223333:garbage" }),
            /argument 'kmsKeyArn' is .*; allowed: a KMS key ARN/,
        ],
        [
            "ModelImageRepository",
            repository({ pullPrincipals: ["*"] }),
            /argument 'pullPrincipals\[0\]' is '\*'; allowed: an account id or an IAM account root, role or user ARN, without wildcards/,
        ],
        [
            "ModelImageRepository",
            repository({ pullPrincipals: [] }),
            /argument 'pullPrincipals' is empty; allowed: at least one principal, or leave it out/,
        ],
        [
            "ModelImageRepository",
            repository({ pushPrincipals: ["111122223333", "arn:aws:iam::111122223333:role/ci-*"] }),
            /argument 'pushPrincipals\[1\]' is 'arn:aws:iam::111122223333:role\/ci-\*'/,
        ],
        [
            "ModelImageRepository",
            repository({ untaggedExpiryDays: 0 }),
            /argument 'untaggedExpiryDays' is 0; allowed: a number from 1 to 3650/,
        ],
        [
            "ModelImageRepository",
            repository({ maxImages: 10_001 }),
            /argument 'maxImages' is 10001; allowed: a number from 1 to 10000/,
        ],
    ])("%s rejects a bad argument by name", (component, validate, message) => {
        let error: unknown;
        try {
            validate();
        } catch (e) {
            error = e;
        }
        expect(error).toBeInstanceOf(ArgumentError);
        expect((error as Error).message).toMatch(new RegExp(`^aiguard:aws:${component}: `));
        expect((error as Error).message).toMatch(message);
    });

    it.each([
        [
            "VpcOnlyNotebook",
            notebook({ instanceType: "ml.g5.xlarge", volumeSizeInGb: 100, lifecycle: { onStart: "echo hi" } }),
        ],
        ["SageMakerStudioDomain", studio({ authMode: "IAM", userProfiles: [{ name: "analyst" }] })],
        [
            "ModelImageRepository",
            repository({ pullPrincipals: ["arn:aws:iam::111122223333:role/ml/serving"], maxImages: 50 }),
        ],
    ])("%s accepts well-formed arguments", (_, validate) => {
        expect(validate).not.toThrow();
    });

    it("names the instance whose argument is wrong", () => {
        expect(() => validateFor("images", repository({ maxImages: 0 }))).toThrow(
            /^aiguard:aws:ModelImageRepository 'images': argument 'maxImages' is 0/,
        );
    });
});

describe("SageMaker workspace argument errors only the provider's region reveals", () => {
    it.each([
        [
            "studio-key-of-another-region",
            "aiguard:aws:SageMakerStudioDomain 'studio': argument 'kmsKeyArn' is a key in us-east-1 (aws); allowed: a key in the provider's region eu-central-1 (aws)",
        ],
        [
            "notebook-key-of-another-region",
            "aiguard:aws:VpcOnlyNotebook 'notebook': argument 'kmsKeyArn' is a key in us-east-1 (aws)",
        ],
        [
            "repository-key-of-another-region",
            "aiguard:aws:ModelImageRepository 'images': argument 'kmsKeyArn' is a key in us-east-1 (aws)",
        ],
    ])("%s", async (name, message) => {
        const error = await captureProgram(path.join(programs, "aws-sagemaker-argument-errors"), {
            stack: "dev",
            typeCheck: false,
            config: { "aws-sagemaker-argument-errors:case": name },
        }).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(Error);
        expect((error as Error).message).toMatch(/aws-sagemaker-argument-errors\/index\.ts: the program failed: /);
        expect((error as Error).message).toContain(message);
    });
});

describe("SageMaker workspace components take region and partition from the provider they run under", () => {
    it.each([
        ["eu-central-1", "aws"],
        ["cn-north-1", "aws-cn"],
    ])("an explicit provider in %s, beside the stack's us-east-1", async (region, partition) => {
        const { resources } = await captureProgram(path.join(programs, "aws-sagemaker-regions"), {
            stack: "dev",
            typeCheck: false,
            config: { "aws-sagemaker-regions:explicitRegion": region },
        });
        for (const [prefix, r, part] of [
            ["explicit-", region, partition],
            ["default-", "us-east-1", "aws"],
        ] as const) {
            const mine = resources.filter((x) => x.name.startsWith(prefix));
            const text = (type: string) => JSON.stringify(mine.filter((x) => x.type === type).map((x) => x.inputs));
            const services = mine
                .filter((x) => x.type === "aws:ec2/vpcEndpoint:VpcEndpoint")
                .map((x) => x.inputs.serviceName);
            expect(services).toContain(`aws.sagemaker.${r}.notebook`);
            expect(services).toContain(`aws.sagemaker.${r}.studio`);
            const rolePolicies = text("aws:iam/rolePolicy:RolePolicy");
            expect(rolePolicies).toContain(`arn:${part}:logs:${r}:`);
            // The Studio apps grant names the domain's id, unknown during preview; the log grants are known.
            expect(rolePolicies).not.toMatch(new RegExp(`arn:aws[a-z-]*:logs:(?!${r}:)`));
            expect(text("aws:ecr/repositoryPolicy:RepositoryPolicy")).toMatch(
                new RegExp(`"arn:${part}:iam::\\d{12}:root"`),
            );
        }
    });
});
