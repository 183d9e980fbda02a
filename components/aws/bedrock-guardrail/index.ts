import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { ArgumentError, aiTags, requireOneOf } from "../../shared/validation";

const type = "aiguard:aws:BedrockGuardrail";
const strengths = ["LOW", "MEDIUM", "HIGH"] as const;
export type FilterStrength = (typeof strengths)[number];

export interface BedrockGuardrailArgs {
    /** Message returned when a prompt is blocked. @default a neutral refusal */
    readonly blockedInputMessaging?: pulumi.Input<string>;
    /** Message returned when a response is blocked. @default a neutral refusal */
    readonly blockedOutputsMessaging?: pulumi.Input<string>;
    /**
     * Strength of the hate, insults, sexual, violence and misconduct filters on input and output.
     * Lower strengths let more harmful content through. @default "HIGH"
     */
    readonly contentFilterStrength?: FilterStrength;
    /** Minimum grounding and relevance scores for contextual grounding checks (0 to 0.99). @default 0.75 */
    readonly groundingThreshold?: number;
    /** PII entity types to anonymize in responses and block in prompts. @default common identifiers */
    readonly piiEntities?: readonly string[];
    /** ARN of a customer managed KMS key. @default a new key with rotation on */
    readonly kmsKeyArn?: pulumi.Input<string>;
    readonly tags?: Readonly<Record<string, string>>;
}

const defaultPii = [
    "EMAIL",
    "PHONE",
    "US_SOCIAL_SECURITY_NUMBER",
    "CREDIT_DEBIT_CARD_NUMBER",
    "AWS_ACCESS_KEY",
    "AWS_SECRET_KEY",
    "PASSWORD",
];

export function validateBedrockGuardrailArgs(args: BedrockGuardrailArgs): void {
    if (args.contentFilterStrength !== undefined) {
        requireOneOf(type, "contentFilterStrength", args.contentFilterStrength, strengths);
    }
    const t = args.groundingThreshold;
    if (t !== undefined && (!Number.isFinite(t) || t <= 0 || t >= 1)) {
        throw new ArgumentError(type, "groundingThreshold", `is ${t}; allowed: a number above 0 and below 1`);
    }
}

/**
 * A Bedrock guardrail with strict defaults: content filters at HIGH on input and output, prompt-attack
 * filtering at HIGH, PII anonymized or blocked, contextual grounding, and a customer managed key.
 */
export class BedrockGuardrail extends pulumi.ComponentResource {
    readonly guardrail: aws.bedrock.Guardrail;
    readonly guardrailArn: pulumi.Output<string>;
    readonly guardrailId: pulumi.Output<string>;
    readonly version: aws.bedrock.GuardrailVersion;

    constructor(name: string, args: BedrockGuardrailArgs = {}, opts?: pulumi.ComponentResourceOptions) {
        super(type, name, {}, opts);
        validateBedrockGuardrailArgs(args);
        const tags = aiTags(args.tags);
        const strength = args.contentFilterStrength ?? "HIGH";
        const threshold = args.groundingThreshold ?? 0.75;
        const key =
            args.kmsKeyArn === undefined
                ? new aws.kms.Key(
                      `${name}-key`,
                      {
                          description: `Encrypts guardrail ${name}`,
                          enableKeyRotation: true,
                          deletionWindowInDays: 30,
                          tags,
                      },
                      { parent: this },
                  )
                : undefined;
        const refusal = "This request cannot be processed.";
        this.guardrail = new aws.bedrock.Guardrail(
            name,
            {
                blockedInputMessaging: args.blockedInputMessaging ?? refusal,
                blockedOutputsMessaging: args.blockedOutputsMessaging ?? refusal,
                kmsKeyArn: args.kmsKeyArn ?? (key as aws.kms.Key).arn,
                contentPolicyConfig: {
                    filtersConfigs: [
                        ...["HATE", "INSULTS", "SEXUAL", "VIOLENCE", "MISCONDUCT"].map((t) => ({
                            type: t,
                            inputStrength: strength,
                            outputStrength: strength,
                        })),
                        { type: "PROMPT_ATTACK", inputStrength: "HIGH", outputStrength: "NONE" },
                    ],
                },
                sensitiveInformationPolicyConfig: {
                    piiEntitiesConfigs: (args.piiEntities ?? defaultPii).map((t) => ({
                        type: t,
                        action: "ANONYMIZE",
                        inputAction: "BLOCK",
                        outputAction: "ANONYMIZE",
                    })),
                },
                contextualGroundingPolicyConfig: {
                    filtersConfigs: [
                        { type: "GROUNDING", threshold },
                        { type: "RELEVANCE", threshold },
                    ],
                },
                tags,
            },
            { parent: this },
        );
        // Agents pin a published version rather than DRAFT.
        this.version = new aws.bedrock.GuardrailVersion(
            `${name}-v`,
            { guardrailArn: this.guardrail.guardrailArn, description: "aiguard pinned version" },
            { parent: this.guardrail },
        );
        this.guardrailArn = this.guardrail.guardrailArn;
        this.guardrailId = this.guardrail.guardrailId;
        this.registerOutputs({
            guardrailArn: this.guardrailArn,
            guardrailId: this.guardrailId,
            version: this.version.version,
        });
    }
}
