import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { ArgumentError, aiTags, requireOneOf, validateFor } from "../../shared/validation";
import { keyInRegion, requireKmsKeyArn } from "../shared/arns";
import { awsPlace } from "../shared/place";

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
    /**
     * Minimum grounding and relevance scores for contextual grounding checks, from 0.5 to 0.99. Lower
     * values let through answers the sources do not support; the pack's bedrock-guardrail-contextual-grounding
     * accepts any threshold above 0, so the component refuses the range it could not report. @default 0.75
     */
    readonly groundingThreshold?: number;
    /** PII entity types (Bedrock's names, e.g. `EMAIL`) to anonymize in responses and block in prompts. @default common identifiers */
    readonly piiEntities?: readonly string[];
    /** ARN of a customer managed KMS key. @default a new key with rotation on */
    readonly kmsKeyArn?: pulumi.Input<string>;
    readonly tags?: Readonly<Record<string, string>>;
}

/** The PII entity types Bedrock guardrails accept (API reference, GuardrailPiiEntityConfig). */
export const piiEntityTypes = [
    "ADDRESS",
    "AGE",
    "AWS_ACCESS_KEY",
    "AWS_SECRET_KEY",
    "CA_HEALTH_NUMBER",
    "CA_SOCIAL_INSURANCE_NUMBER",
    "CREDIT_DEBIT_CARD_CVV",
    "CREDIT_DEBIT_CARD_EXPIRY",
    "CREDIT_DEBIT_CARD_NUMBER",
    "DRIVER_ID",
    "EMAIL",
    "INTERNATIONAL_BANK_ACCOUNT_NUMBER",
    "IP_ADDRESS",
    "LICENSE_PLATE",
    "MAC_ADDRESS",
    "NAME",
    "PASSWORD",
    "PHONE",
    "PIN",
    "SWIFT_CODE",
    "UK_NATIONAL_HEALTH_SERVICE_NUMBER",
    "UK_NATIONAL_INSURANCE_NUMBER",
    "UK_UNIQUE_TAXPAYER_REFERENCE_NUMBER",
    "URL",
    "USERNAME",
    "US_BANK_ACCOUNT_NUMBER",
    "US_BANK_ROUTING_NUMBER",
    "US_INDIVIDUAL_TAX_IDENTIFICATION_NUMBER",
    "US_PASSPORT_NUMBER",
    "US_SOCIAL_SECURITY_NUMBER",
    "VEHICLE_IDENTIFICATION_NUMBER",
] as const;

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
    if (t !== undefined && (!Number.isFinite(t) || t < 0.5 || t > 0.99)) {
        throw new ArgumentError(type, "groundingThreshold", `is ${t}; allowed: a number from 0.5 to 0.99`);
    }
    if (args.piiEntities !== undefined && args.piiEntities.length === 0) {
        throw new ArgumentError(type, "piiEntities", "is empty; allowed: at least one PII entity type");
    }
    for (const [i, entity] of (args.piiEntities ?? []).entries()) {
        requireOneOf(type, `piiEntities[${i}]`, entity, piiEntityTypes);
    }
    requireKmsKeyArn(type, "kmsKeyArn", args.kmsKeyArn);
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
        validateFor(name, () => validateBedrockGuardrailArgs(args));
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
        const place = awsPlace(this);
        const refusal = "This request cannot be processed.";
        this.guardrail = new aws.bedrock.Guardrail(
            name,
            {
                blockedInputMessaging: args.blockedInputMessaging ?? refusal,
                blockedOutputsMessaging: args.blockedOutputsMessaging ?? refusal,
                kmsKeyArn:
                    args.kmsKeyArn === undefined
                        ? (key as aws.kms.Key).arn
                        : keyInRegion(type, name, "kmsKeyArn", args.kmsKeyArn, place.region, place.partition),
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
