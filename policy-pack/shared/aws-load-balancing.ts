// Elastic Load Balancing resources under both type families of the AWS provider (`aws:lb/*` and
// the older `aws:alb/*` aliases), which programs use interchangeably.

const families = ["aws:lb/", "aws:alb/"] as const;

const both = (module: string, name: string): readonly string[] => families.map((f) => `${f}${module}:${name}`);

export const listenerTypes = both("listener", "Listener");
export const loadBalancerTypes = both("loadBalancer", "LoadBalancer");
export const webAclAssociationType = "aws:wafv2/webAclAssociation:WebAclAssociation";
