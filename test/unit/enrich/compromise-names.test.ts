import nlp from "compromise";
import { describe, expect, it } from "vitest";
import { compromiseNames } from "../../../pipelines/enrich/compromise-names.ts";

const LINES = [
  "analyst Ryan Castilloux, of Adamas Intelligence, said",
  "a plant in Rotterdam and another in Minnesota",
  "said Kenji Tanaka, head of metals at Sojitz",
  "analyst Ryan Castilloux, of Adamas Intelligence, said",
];

function direct(lines: string[]) {
  const doc = nlp(lines.join("\n"));
  return {
    people: doc.people().out("array") as string[],
    places: doc.places().out("array") as string[],
    organizations: doc.organizations().out("array") as string[],
  };
}

describe("compromise's names, line by line and remembered", () => {
  it("finds what compromise finds on the whole text, each line read once", () => {
    const sorted = (names: { people: string[]; places: string[]; organizations: string[] }) => ({
      people: [...new Set(names.people)].sort(),
      places: [...new Set(names.places)].sort(),
      organizations: [...new Set(names.organizations)].sort(),
    });
    const expected = sorted(direct(LINES));
    expect(expected.people.length + expected.places.length).toBeGreaterThan(2);
    expect(sorted(compromiseNames(LINES))).toEqual(expected);
    // The second time every line comes from the cache, with the same answer.
    expect(sorted(compromiseNames(LINES))).toEqual(expected);
  });

  it("gives each line its own names, in line order, repeats included", () => {
    const names = compromiseNames([LINES[1] ?? "", LINES[0] ?? "", LINES[1] ?? ""]);
    const places = direct([LINES[1] ?? ""]).places;
    expect(names.places).toEqual([...places, ...places]);
  });
});
