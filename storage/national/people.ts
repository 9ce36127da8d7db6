/**
 * Synthetic people for the national history. Names come from a short
 * made-up list and every last name starts with `NAT-`, so that nobody
 * takes a record for a real one. National numbers are valid (mod 97,
 * with the rule for births from 2000 on) and unique: each birth date
 * hands out its serials in turn, odd for men, even otherwise.
 */
import type { Gender, PersonRecord } from '../../adapters/protection/types';
import { makeNationalNumber } from '../../runtime/national-number';
import { addDays, addMonths } from '../dates';
import type { Prng } from '../prng';

const FIRST_NAMES: Readonly<Record<Gender, readonly string[]>> = {
  FEMALE: ['Anna', 'Lien', 'Sara', 'Nadia', 'Eva', 'Léa', 'Ines', 'Mira',
    'Hanna', 'Zoë', 'Clara', 'Amal'],
  MALE: ['Bart', 'Luc', 'Omar', 'Tim', 'Hugo', 'Ilias', 'Dries', 'Marc',
    'Noah', 'Rayan', 'Koen', 'Théo'],
  X: ['Alex', 'Sam', 'Robin', 'Charlie'],
};

const LAST_NAMES = ['Aerts', 'Bosmans', 'Collin', 'Delvaux', 'Engels',
  'Fontaine', 'Geerts', 'Hendrickx', 'Istasse', 'Joris', 'Kaya',
  'Lenaerts', 'Moreau', 'Nys', 'Ouali', 'Pauwels', 'Quintens', 'Robert',
  'Segers', 'Thys', 'Urbain', 'Verbeke', 'Wuyts', 'Yildiz'];

/** Serials 1 to 998: 499 men and 499 others per birth date. */
const SERIALS_PER_DAY = 499;

export interface PersonSpec {
  gender: Gender;
  /** Age in whole years on `on`, both ends included. */
  ages: readonly [number, number];
  /** The day the age is counted on. */
  on: string;
  /** Shared with a relative; drawn otherwise. */
  lastName?: string;
}

export class NationalPeople {
  readonly persons: PersonRecord[] = [];
  /** Serials handed out per birth date and sex: `<date>:<M|F>`. */
  private readonly used = new Map<string, number>();

  constructor(private readonly prng: Prng) {}

  make(spec: PersonSpec): PersonRecord {
    const birthDate = this.birthDate(spec);
    const person: PersonRecord = {
      nationalNumber: makeNationalNumber(birthDate,
        this.serial(birthDate, spec.gender)),
      firstName: this.prng.pick(FIRST_NAMES[spec.gender]),
      lastName: spec.lastName ?? `NAT-${this.prng.pick(LAST_NAMES)}`,
      birthDate,
      gender: spec.gender,
    };
    this.persons.push(person);
    return person;
  }

  private birthDate({ ages: [youngest, oldest], on }: PersonSpec): string {
    const birthday = addMonths(on, -12 * this.prng.int(youngest, oldest));
    return addDays(birthday, -this.prng.int(0, 364));
  }

  private serial(birthDate: string, gender: Gender): number {
    const male = gender === 'MALE';
    const key = `${birthDate}:${male ? 'M' : 'F'}`;
    const count = (this.used.get(key) ?? 0) + 1;
    if (count > SERIALS_PER_DAY) {
      throw new RangeError(`No national number serial left for ${key}`);
    }
    this.used.set(key, count);
    return male ? 2 * count - 1 : 2 * count;
  }
}
