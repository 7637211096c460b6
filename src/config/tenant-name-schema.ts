import { z } from "zod";
import { normalizeTenantName, tenantNamePattern, tenantNameRule } from "../core/tenant-name.js";

/** A tenant name (see src/core/tenant-name.ts), normalized: "clínica sur", "São Paulo". */
export const tenantNameSchema = z
  .string()
  .transform(normalizeTenantName)
  .pipe(z.string().regex(tenantNamePattern, `Invalid tenant name: use ${tenantNameRule}`));
