/**
 * Every reference of a set of saved objects must resolve inside the set, and
 * every reference name an object uses inside its JSON attributes (indexRefName,
 * panelRefName, savedSearchRefName) must be declared in its `references`:
 * Dashboards resolves those names on load and shows a broken panel otherwise.
 */
import type { SavedObject } from "./saved-object.ts";
import { panelsOf, searchSourceOf, stringAttribute } from "./saved-object-views.ts";

interface NameUse {
  name: string;
  types: readonly string[];
}

const PANEL_TYPES = ["visualization", "search"] as const;

function nameUses(object: SavedObject): NameUse[] {
  const uses: NameUse[] = [];
  if (object.type === "index-pattern") return uses;
  const source = searchSourceOf(object);
  if (source.indexRefName) uses.push({ name: source.indexRefName, types: ["index-pattern"] });
  for (const filter of source.filter) {
    if (filter.meta.indexRefName)
      uses.push({ name: filter.meta.indexRefName, types: ["index-pattern"] });
  }
  const savedSearch = stringAttribute(object, "savedSearchRefName");
  if (savedSearch) uses.push({ name: savedSearch, types: ["search"] });
  if (object.type === "dashboard") {
    for (const panel of panelsOf(object))
      uses.push({ name: panel.panelRefName, types: PANEL_TYPES });
  }
  return uses;
}

export function referenceProblems(objects: readonly SavedObject[]): string[] {
  const problems: string[] = [];
  const known = new Set<string>();
  for (const object of objects) {
    const key = `${object.type}:${object.id}`;
    if (known.has(key)) problems.push(`${key} is defined twice`);
    known.add(key);
  }
  for (const object of objects) {
    const label = `${object.type} ${object.id}`;
    const byName = new Map(object.references.map((ref) => [ref.name, ref]));
    if (byName.size !== object.references.length) {
      problems.push(`${label}: two references share a name`);
    }
    for (const ref of object.references) {
      if (!known.has(`${ref.type}:${ref.id}`)) {
        problems.push(`${label}: reference ${ref.name} points to missing ${ref.type} ${ref.id}`);
      }
    }
    const used = new Set<string>();
    for (const use of nameUses(object)) {
      used.add(use.name);
      const ref = byName.get(use.name);
      if (!ref)
        problems.push(`${label}: uses reference name ${use.name} but declares no such reference`);
      else if (!use.types.includes(ref.type)) {
        problems.push(
          `${label}: reference ${use.name} is a ${ref.type}, expected ${use.types.join(" or ")}`,
        );
      }
    }
    for (const ref of object.references) {
      if (!used.has(ref.name))
        problems.push(`${label}: reference ${ref.name} is declared but never used`);
    }
  }
  return problems;
}
