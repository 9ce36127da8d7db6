/**
 * The victim support service's tables: the referrals of §7.8.3, the
 * offers of service made under each and the answers to them, the
 * person's contact data, kept in a table of its own (§7.8.5), and the
 * parquet's notices.
 */
import {
  EntitySchema,
  Table,
  TableColumn,
  TableForeignKey,
  TableIndex,
  type MigrationInterface,
  type QueryRunner,
} from 'typeorm';
import { column, tableColumn } from '../../../storage/columns';
import type { SystemSchema } from '../../../storage/data-source';
import { EMAIL_LENGTH, PHONE_LENGTH } from '../contact';
import type {
  NoticeKind,
  ReferralStatus,
  ServiceOfferKind,
} from '../types';

/** Room for a caller's notice id, and for `end-date-<measureId>`. */
export const NOTICE_ID_LENGTH = 64;
export const NOTICE_DETAILS_LENGTH = 500;

export interface ReferralRow {
  id: string;
  measureId: string;
  arrondissementCode: string;
  referredOn: string;
  pvReference: string;
  status: ReferralStatus;
}

export interface ServiceOfferRow {
  /** Generated on insert. */
  id?: number;
  referralId: string;
  offeredOn: string;
  kind: ServiceOfferKind;
  accepted: boolean | null;
  answeredOn: string | null;
}

/** §7.8.5: confidential, so apart from the referral it belongs to. */
export interface ReferralContactRow {
  referralId: string;
  phone: string | null;
  email: string | null;
}

export interface NoticeRow {
  /** Generated on insert: the order the notices were given in. */
  seq?: number;
  id: string;
  measureId: string;
  kind: NoticeKind;
  date: string;
  details: string | null;
}

export const Referral = new EntitySchema<ReferralRow>({
  name: 'Referral',
  tableName: 'vs_referral',
  columns: {
    id: column.key('id', 36),
    measureId: column.text('measure_id', 36),
    arrondissementCode: column.text('arrondissement_code', 8),
    referredOn: column.date('referred_on'),
    pvReference: column.text('pv_reference', 40),
    status: column.text('status', 16),
  },
});

export const ServiceOffer = new EntitySchema<ServiceOfferRow>({
  name: 'ServiceOffer',
  tableName: 'vs_service_offer',
  columns: {
    id: column.generatedKey('id'),
    referralId: column.text('referral_id', 36),
    offeredOn: column.date('offered_on'),
    kind: column.text('kind', 16),
    accepted: column.flag('accepted', { nullable: true }),
    answeredOn: column.date('answered_on', { nullable: true }),
  },
});

export const ReferralContact = new EntitySchema<ReferralContactRow>({
  name: 'ReferralContact',
  tableName: 'vs_referral_contact',
  columns: {
    referralId: column.key('referral_id', 36),
    phone: column.text('phone', PHONE_LENGTH, { nullable: true }),
    email: column.text('email', EMAIL_LENGTH, { nullable: true }),
  },
});

export const Notice = new EntitySchema<NoticeRow>({
  name: 'Notice',
  tableName: 'vs_notice',
  columns: {
    seq: column.generatedKey('seq'),
    id: column.text('notice_id', NOTICE_ID_LENGTH),
    measureId: column.text('measure_id', 36),
    kind: column.text('kind', 24),
    date: column.date('notice_date'),
    details: column.text('details', NOTICE_DETAILS_LENGTH, {
      nullable: true,
    }),
  },
});

export class VictimSupportInitial1764700000000 implements MigrationInterface {
  name = 'VictimSupportInitial1764700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'vs_referral',
        columns: [
          tableColumn.key('id', 36),
          tableColumn.text('measure_id', 36),
          tableColumn.text('arrondissement_code', 8),
          tableColumn.date('referred_on'),
          tableColumn.text('pv_reference', 40),
          tableColumn.text('status', 16),
        ],
        indices: [
          // §7.8.3: one referral per granted measure.
          new TableIndex({
            name: 'UQ_vs_referral_measure',
            columnNames: ['measure_id'],
            isUnique: true,
          }),
        ],
      }),
      true,
    );

    await queryRunner.createTable(
      new Table({
        name: 'vs_service_offer',
        columns: [
          tableColumn.generatedKey('id'),
          tableColumn.text('referral_id', 36),
          tableColumn.date('offered_on'),
          tableColumn.text('kind', 16),
          tableColumn.flag('accepted', { nullable: true }),
        ],
        indices: [
          new TableIndex({
            name: 'IDX_vs_service_offer_referral',
            columnNames: ['referral_id'],
          }),
        ],
        foreignKeys: [
          new TableForeignKey({
            name: 'FK_vs_service_offer_referral',
            columnNames: ['referral_id'],
            referencedTableName: 'vs_referral',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          }),
        ],
      }),
      true,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('vs_service_offer', true);
    await queryRunner.dropTable('vs_referral', true);
  }
}

/** §7.8.3: the parquet's notices to the service. */
export class VictimSupportWrites1764800000000 implements MigrationInterface {
  name = 'VictimSupportWrites1764800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'vs_notice',
        columns: [
          tableColumn.generatedKey('seq'),
          tableColumn.text('notice_id', NOTICE_ID_LENGTH),
          tableColumn.text('measure_id', 36),
          tableColumn.text('kind', 24),
          tableColumn.date('notice_date'),
          tableColumn.text('details', NOTICE_DETAILS_LENGTH,
            { nullable: true }),
        ],
        indices: [
          // The caller's id makes a retried notice a no-op.
          new TableIndex({
            name: 'UQ_vs_notice_id',
            columnNames: ['notice_id'],
            isUnique: true,
          }),
          new TableIndex({
            name: 'IDX_vs_notice_measure',
            columnNames: ['measure_id'],
          }),
        ],
      }),
      true,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('vs_notice', true);
  }
}

/**
 * §7.8.3, §7.12.2: the service's work lists read the referrals of its
 * arrondissement.
 */
export class VictimSupportWorkList1764900000000 implements MigrationInterface {
  name = 'VictimSupportWorkList1764900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createIndex('vs_referral', new TableIndex({
      name: 'IDX_vs_referral_arrondissement',
      columnNames: ['arrondissement_code', 'referred_on'],
    }));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('vs_referral',
      'IDX_vs_referral_arrondissement');
  }
}

/**
 * §7.8.3, §7.8.5: the person's contact data the parquet sends, in a table
 * of its own, and the day each offer of service was answered.
 */
export class VictimSupportContacts1765000000000 implements MigrationInterface {
  name = 'VictimSupportContacts1765000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'vs_referral_contact',
        columns: [
          tableColumn.key('referral_id', 36),
          tableColumn.text('phone', PHONE_LENGTH, { nullable: true }),
          tableColumn.text('email', EMAIL_LENGTH, { nullable: true }),
        ],
        foreignKeys: [
          new TableForeignKey({
            name: 'FK_vs_referral_contact_referral',
            columnNames: ['referral_id'],
            referencedTableName: 'vs_referral',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          }),
        ],
      }),
      true,
    );
    // Answers recorded before this column have no known day.
    await queryRunner.addColumn('vs_service_offer', new TableColumn(
      tableColumn.date('answered_on', { nullable: true })));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('vs_service_offer', 'answered_on');
    await queryRunner.dropTable('vs_referral_contact', true);
  }
}

export const victimSupportSchema: SystemSchema = {
  entities: [Referral, ServiceOffer, Notice, ReferralContact],
  migrations: [
    VictimSupportInitial1764700000000,
    VictimSupportWrites1764800000000,
    VictimSupportWorkList1764900000000,
    VictimSupportContacts1765000000000,
  ],
};
