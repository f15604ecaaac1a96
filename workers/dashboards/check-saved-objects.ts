/**
 * Offline checks of the saved objects before they go to Dashboards: every
 * reference resolves, every field they use exists in the index template's
 * mapping with a type that allows the use, and the index patterns target the alias.
 */
import { indexTemplate } from "../../infra/opensearch/index-template.ts";
import type { SavedObjectFile } from "./saved-object.ts";
import {
  fieldProblems,
  fieldUses,
  mappingFields,
  templateMappings,
} from "./saved-object-fields.ts";
import { referenceProblems } from "./saved-object-references.ts";
import { stringAttribute } from "./saved-object-views.ts";

export function checkSavedObjects(files: readonly SavedObjectFile[], alias: string): string[] {
  const objects = files.flatMap((file) => file.objects);
  const fields = mappingFields(templateMappings(indexTemplate(alias)));
  const problems = [...referenceProblems(objects), ...fieldProblems(fieldUses(objects), fields)];
  for (const object of objects) {
    if (object.type !== "index-pattern") continue;
    const title = stringAttribute(object, "title");
    if (title !== alias) {
      problems.push(`index-pattern ${object.id}: title ${title} does not match the alias ${alias}`);
    }
  }
  return problems;
}
