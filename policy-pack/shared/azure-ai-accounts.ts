// Facts about Azure AI Services (Cognitive Services) accounts that several policies need.
import type { Subject } from "../core/definition";
import { equalsIgnoreCase } from "../core/values";

/**
 * The free tier (sku F0) supports neither customer-managed keys nor customer-owned storage, so the
 * checks that require them do not apply to it; the account's other checks still do.
 */
export function isFreeTierAccount(account: Subject): boolean {
    const sku = account.get("sku.name");
    return equalsIgnoreCase(sku, "F0") || equalsIgnoreCase(sku, "Free");
}

export const freeTierNote =
    "Free-tier accounts (sku F0) are not judged: Azure offers neither customer-managed keys nor customer-owned storage on that tier.";
