/**
 * Synthetic people. Last names carry a `DEMO-` prefix so that nobody can
 * take a demo record for a real one; national numbers are valid (§7.8.5
 * checks them) and unique: each person gets the next serial, and once the
 * serials run out (499 a gender) they start again, with a birth date
 * drawn again whenever the number is taken.
 */
import type { Gender, PersonRecord } from '../../adapters/protection/types';
import { makeNationalNumber } from '../../runtime/national-number';
import { addDays, addMonths } from '../dates';
import type { Prng } from '../prng';

const FEMALE_NAMES = [
  'Sarah', 'Emma', 'Julie', 'Sofie', 'Nathalie', 'Marie', 'Laura', 'Inès',
  'Fatima', 'Lotte', 'Elise', 'Charlotte', 'Amina', 'Hanne', 'Camille',
  'Leen', 'Yasmine', 'Nora', 'Véronique', 'Anke',
];
const MALE_NAMES = [
  'Thomas', 'Kevin', 'Mehdi', 'Pieter', 'Nicolas', 'Jan', 'David',
  'Youssef', 'Bram', 'Julien', 'Stijn', 'Olivier', 'Karim', 'Wouter',
  'Maxime', 'Tom', 'Sébastien', 'Lars', 'Hamza', 'Jonas',
];
const NEUTRAL_NAMES = ['Alex', 'Sam', 'Robin', 'Charlie'];
const LAST_NAMES = [
  'Peeters', 'Janssens', 'Maes', 'Dubois', 'Lambert', 'Martin', 'Claes',
  'Wouters', 'Dupont', 'Leroy', 'Goossens', 'Willems', 'Mertens', 'Renard',
  'Jacobs', 'Simon', 'Laurent', 'Hermans', 'Michel', 'Vermeulen',
  'El Amrani', 'Lemaire', 'De Smet', 'Bakker',
];

export interface PersonSpec {
  gender: Gender;
  /** Age in whole years on the reference date, both ends included. */
  ages: [number, number];
  /** Shared with a relative; a new `DEMO-` name otherwise. */
  lastName?: string;
}

export class PersonFactory {
  readonly persons: PersonRecord[] = [];
  private count = 0;
  private readonly issued = new Set<string>();

  constructor(
    private readonly prng: Prng,
    private readonly referenceDate: string,
  ) {}

  make(spec: PersonSpec): PersonRecord {
    let birthDate: string;
    let nationalNumber: string;
    do {
      birthDate = this.birthDate(spec.ages);
      nationalNumber = makeNationalNumber(birthDate, this.nextSerial(spec));
    } while (this.issued.has(nationalNumber));
    this.issued.add(nationalNumber);
    const person: PersonRecord = {
      nationalNumber,
      firstName: this.prng.pick(firstNames(spec.gender)),
      lastName: spec.lastName ?? `DEMO-${this.prng.pick(LAST_NAMES)}`,
      birthDate,
      gender: spec.gender,
    };
    this.persons.push(person);
    return person;
  }

  /** Drawn from the reference year back, so the age is exact. */
  private birthDate([youngest, oldest]: [number, number]): string {
    const age = this.prng.int(youngest, oldest);
    const birthday = addMonths(this.referenceDate, -12 * age);
    return addDays(birthday, -this.prng.int(0, 364));
  }

  /** Odd serials for men (1 to 997), even ones otherwise (2 to 998). */
  private nextSerial(spec: PersonSpec): number {
    this.count += 1;
    const turn = ((this.count - 1) % 499) + 1;
    return spec.gender === 'MALE' ? 2 * turn - 1 : 2 * turn;
  }
}

function firstNames(gender: Gender): readonly string[] {
  switch (gender) {
    case 'FEMALE':
      return FEMALE_NAMES;
    case 'MALE':
      return MALE_NAMES;
    case 'X':
      return NEUTRAL_NAMES;
    default:
      return unreachable(gender);
  }
}

function unreachable(value: never): never {
  throw new Error(`Unexpected gender ${JSON.stringify(value)}`);
}
