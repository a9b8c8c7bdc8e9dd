"""The closed label sets of FIELDS.md: purposes, art. 6(1) bases, rights, transfer mechanisms."""

PURPOSES = ("service_delivery", "customer_support", "customer_relationship", "billing", "marketing",
            "advertising", "analytics", "product_improvement", "personalization", "security",
            "legal_obligation", "recruitment", "surveys", "events_training", "business_transfer")
BASES = ("a", "b", "c", "d", "e", "f")
BASIS_NAMES = {"a": "consent", "b": "contract", "c": "legal obligation", "d": "vital interests",
               "e": "public task", "f": "legitimate interests"}
DPV = {b: f"dpv-gdpr:A6-1-{b}" for b in BASES}
RIGHTS = ("access", "rectification", "erasure", "restriction", "objection", "portability",
          "withdraw_consent", "complaint")
TRANSFER_MECHANISMS = ("scc", "adequacy", "dpf", "privacy_shield", "bcr", "consent")
