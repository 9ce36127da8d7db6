/**
 * Every part of a subgraph's SDL says what it is, in the circular's
 * terms: the schema is what the agencies' developers read first.
 * Federation's own additions (`_Entity`, `_Any`, `_service`) and the
 * built-in scalars are not in the files, so only what the files define
 * or extend is checked.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  Kind,
  parse,
  type DefinitionNode,
  type FieldDefinitionNode,
  type InputValueDefinitionNode,
  type StringValueNode,
} from 'graphql';
import { SCHEMA_DIR } from '../scripts/compose';
import { SUBGRAPH_NAMES } from '../scripts/subgraph-names';

/** Private: a node that may carry a description. */
interface Describable {
  readonly description?: StringValueNode;
}

function described(node: Describable): boolean {
  return (node.description?.value.trim() ?? '') !== '';
}

/** Private: `Type.field` and each `Type.field(argument:)` left bare. */
function bareFields(
  owner: string,
  fields: readonly FieldDefinitionNode[] = [],
): string[] {
  return fields.flatMap((field) => {
    const coordinate = `${owner}.${field.name.value}`;
    const own = described(field) ? [] : [coordinate];
    return [...own, ...bareArguments(coordinate, field.arguments)];
  });
}

function bareArguments(
  owner: string,
  values: readonly InputValueDefinitionNode[] = [],
): string[] {
  return values
    .filter((value) => !described(value))
    .map((value) => `${owner}(${value.name.value}:)`);
}

function bareInputFields(
  owner: string,
  values: readonly InputValueDefinitionNode[] = [],
): string[] {
  return values
    .filter((value) => !described(value))
    .map((value) => `${owner}.${value.name.value}`);
}

/**
 * Private: what one definition leaves without a description. An
 * extension (`extend type ...`) cannot carry one in SDL, so only its
 * members are checked.
 */
function bareParts(definition: DefinitionNode): string[] {
  switch (definition.kind) {
    case Kind.OBJECT_TYPE_DEFINITION:
    case Kind.INTERFACE_TYPE_DEFINITION:
      return [
        ...bareType(definition),
        ...bareFields(definition.name.value, definition.fields),
      ];
    case Kind.OBJECT_TYPE_EXTENSION:
    case Kind.INTERFACE_TYPE_EXTENSION:
      return bareFields(definition.name.value, definition.fields);
    case Kind.INPUT_OBJECT_TYPE_DEFINITION:
      return [
        ...bareType(definition),
        ...bareInputFields(definition.name.value, definition.fields),
      ];
    case Kind.INPUT_OBJECT_TYPE_EXTENSION:
      return bareInputFields(definition.name.value, definition.fields);
    case Kind.ENUM_TYPE_DEFINITION:
    case Kind.ENUM_TYPE_EXTENSION: {
      const owner = definition.name.value;
      const values = (definition.values ?? [])
        .filter((value) => !described(value))
        .map((value) => `${owner}.${value.name.value}`);
      const own = definition.kind === Kind.ENUM_TYPE_DEFINITION
        ? bareType(definition)
        : [];
      return [...own, ...values];
    }
    case Kind.SCALAR_TYPE_DEFINITION:
    case Kind.UNION_TYPE_DEFINITION:
      return bareType(definition);
    case Kind.DIRECTIVE_DEFINITION: {
      const name = `@${definition.name.value}`;
      return [
        ...(described(definition) ? [] : [name]),
        ...bareArguments(name, definition.arguments),
      ];
    }
    default:
      // `extend schema @link(...)` and the other extensions name nothing
      // a reader looks up.
      return [];
  }
}

function bareType(definition: Describable & { name: { value: string } }) {
  return described(definition) ? [] : [definition.name.value];
}

/** The coordinates in `sdl` that have no description, in file order. */
export function undocumented(sdl: string): string[] {
  return parse(sdl).definitions.flatMap(bareParts);
}

describe('schema documentation', () => {
  it.each(SUBGRAPH_NAMES)(
    'schema/%s.graphql describes every type, field, argument, enum value '
      + 'and input field',
    (name) => {
      const sdl = readFileSync(join(SCHEMA_DIR, `${name}.graphql`), 'utf8');
      expect(undocumented(sdl)).toEqual([]);
    },
  );

  it('names every part left without a description', () => {
    const sdl = /* GraphQL */ `
      "A thing."
      type Thing {
        "Its id."
        id: ID!
        name(locale: String): String
      }
      extend type Thing { extra: Int }
      enum Colour { RED "Green." GREEN }
      input ThingInput { id: ID! }
      scalar Day
    `;
    expect(undocumented(sdl)).toEqual([
      'Thing.name',
      'Thing.name(locale:)',
      'Thing.extra',
      'Colour',
      'Colour.RED',
      'ThingInput',
      'ThingInput.id',
      'Day',
    ]);
  });

  it('counts a blank description as none', () => {
    expect(undocumented('"  " scalar Day')).toEqual(['Day']);
  });
});
