// Registries of the SageMaker Model Monitor analyzer image (`sagemaker-model-monitor-analyzer`), per
// region, as AWS publishes them under "Model Monitor (algorithm)" in "Docker Registry Paths and
// Example Code" (https://docs.aws.amazon.com/sagemaker/latest/dg-ecr-paths/sagemaker-algo-docker-registry-paths.html;
// the image and its path format: https://docs.aws.amazon.com/sagemaker/latest/dg/model-monitor-pre-built-container.html).
// A region missing here has no published analyzer: the component then asks for `monitorImage`.
export const monitorRegistries: Readonly<Record<string, string>> = {
    "af-south-1": "875698925577",
    "ap-east-1": "001633400207",
    "ap-northeast-1": "574779866223",
    "ap-northeast-2": "709848358524",
    "ap-northeast-3": "990339680094",
    "ap-south-1": "126357580389",
    "ap-southeast-1": "245545462676",
    "ap-southeast-2": "563025443158",
    "ap-southeast-3": "669540362728",
    "ca-central-1": "536280801234",
    "cn-north-1": "453000072557",
    "cn-northwest-1": "453252182341",
    "eu-central-1": "048819808253",
    "eu-north-1": "895015795356",
    "eu-south-1": "933208885752",
    "eu-west-1": "468650794304",
    "eu-west-2": "749857270468",
    "eu-west-3": "680080141114",
    "il-central-1": "843974653677",
    "me-south-1": "607024016150",
    "sa-east-1": "539772159869",
    "us-east-1": "156813124566",
    "us-east-2": "777275614652",
    "us-gov-west-1": "362178532790",
    "us-west-1": "890145073186",
    "us-west-2": "159807026194",
};

/** The analyzer image URI of a region, or undefined where AWS publishes none. */
export function monitorImageFor(region: string, dnsSuffix: string): string | undefined {
    const account = monitorRegistries[region];
    return account === undefined
        ? undefined
        : `${account}.dkr.ecr.${region}.${dnsSuffix}/sagemaker-model-monitor-analyzer`;
}
