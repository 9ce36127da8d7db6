/**
 * The magistrate's look-back through the gateway (§7.4.2, §7.6), on the
 * suspect as the measure reaches it: the suspect's files of the 3 years
 * before the decision, and the comments of §7.13.2 on the suspect's
 * side, for magistrates only (§7.8.4).
 */
import { openSqlMachAdapter } from '../adapters/mach';
import { addMonths } from '../storage/dates';
import { DEMO } from '../storage/demo-data';
import { describeEachDatabase } from './support/databases';
import { postGraphQL, startDemoGraph } from './support/graph';

type Stack = Awaited<ReturnType<typeof startDemoGraph>>;

const DECISION = /* GraphQL */ `
  query Decision($id: ID!) {
    protectionMeasure(id: $id) { decidedOn suspect { nationalNumber } }
  }
`;

/** The suspect is reached through the measure, whose readers read it. */
const REVIEW = /* GraphQL */ `
  query Review($id: ID!, $date: Date) {
    protectionMeasure(id: $id) {
      suspect {
        antecedentReview(referenceDate: $date) {
          windowFrom
          windowTo
          files { index status intraFamily openedOn }
          indicators {
            intraFamilyViolence drugs weapons sexualOffences suicide
          }
          counts { intraFamilyViolence drugs weapons sexualOffences suicide }
        }
      }
    }
  }
`;

const COMMENTS = /* GraphQL */ `
  query Comments($id: ID!) {
    protectionMeasure(id: $id) {
      suspect {
        lastName
        registrationComments { measureId text replacedOn }
      }
    }
  }
`;

interface ReviewAnswer {
  protectionMeasure: {
    suspect: {
      antecedentReview: {
        windowFrom: string;
        windowTo: string;
        files: { index: string; status: string; openedOn: string }[];
        indicators: Record<string, boolean>;
        counts: Record<string, number>;
      };
    };
  };
}

interface CommentsAnswer {
  protectionMeasure: {
    suspect: {
      lastName: string;
      registrationComments: { measureId: string; text: string }[] | null;
    };
  };
}

describeEachDatabase('the antecedent review through the gateway',
  (storage) => {
    const id = DEMO.measureIds.activeWithEverything;
    const suspect = DEMO.nationalNumbers.suspectOfActiveWithEverything;
    let stack: Stack;
    let magistrate: string;

    beforeAll(async () => {
      stack = await startDemoGraph(storage());
      magistrate = await stack.token(
        { role: 'magistrate', arrondissement: 'ANT' });
    }, 120_000);

    afterAll(() => stack?.cleanUp());

    it('reviews the suspect\'s files of the 3 years before the decision',
      async () => {
        const decision = await postGraphQL<{
          protectionMeasure: {
            decidedOn: string;
            suspect: { nationalNumber: string };
          };
        }>(stack.gatewayUrl, DECISION, { token: magistrate,
          variables: { id } });
        const measure = decision.body.data?.protectionMeasure;
        expect(measure?.suspect.nationalNumber).toBe(suspect);
        const decidedOn = measure!.decidedOn;

        const { body } = await postGraphQL<ReviewAnswer>(stack.gatewayUrl,
          REVIEW, { token: magistrate,
            variables: { id, date: decidedOn } });
        expect(body.errors).toBeUndefined();
        const review = body.data!.protectionMeasure.suspect.antecedentReview;
        expect(review.windowFrom).toBe(addMonths(decidedOn, -36));
        expect(review.windowTo).toBe(decidedOn);
        // Dismissed files count too; the old theft (index 51) does not.
        expect(review.files.map((f) => [f.index, f.status])).toEqual([
          ['43', 'OPEN'],
          ['60', 'OPEN'],
          ['32', 'DISMISSED'],
          ['36', 'JUDGED'],
          ['37', 'DISMISSED'],
        ]);
        for (const file of review.files) {
          expect(file.openedOn >= review.windowFrom).toBe(true);
          expect(file.openedOn <= decidedOn).toBe(true);
        }
        expect(review.indicators).toEqual({ intraFamilyViolence: true,
          drugs: true, weapons: true, sexualOffences: true, suicide: true });
        expect(review.counts).toEqual({ intraFamilyViolence: 3, drugs: 1,
          weapons: 1, sexualOffences: 1, suicide: 1 });
      });

    describe('the registration comments on the suspect (§7.13.2)', () => {
      beforeAll(async () => {
        // Written as the protection subgraph's outbox would at the end.
        const mach = await openSqlMachAdapter(storage());
        try {
          await mach.setRegistrationComment({
            measureId: id,
            suspectNationalNumber: suspect,
            text: 'stalking alarm décidée le 02/10/2026',
            writtenOn: '2026-10-02',
          });
        } finally {
          await mach.close();
        }
      });

      it('shows a magistrate the current comment', async () => {
        const { body } = await postGraphQL<CommentsAnswer>(stack.gatewayUrl,
          COMMENTS, { token: magistrate, variables: { id } });
        expect(body.errors).toBeUndefined();
        expect(body.data?.protectionMeasure.suspect.registrationComments)
          .toEqual([{
            measureId: id,
            text: 'stalking alarm décidée le 02/10/2026',
            replacedOn: null,
          }]);
      });

      it('keeps them from the police, and answers the rest', async () => {
        // Rupel manages the measure: it reads the suspect, not the comments.
        const police = await stack.token({ role: 'police', zone: '5347' });
        const { body } = await postGraphQL<CommentsAnswer>(stack.gatewayUrl,
          COMMENTS, { token: police, variables: { id } });
        const seen = body.data?.protectionMeasure.suspect;
        expect(seen?.lastName).toMatch(/^DEMO-/);
        expect(seen?.registrationComments).toBeNull();
        expect(body.errors).toEqual([expect.objectContaining({
          message: 'Person.registrationComments is for magistrate; '
            + 'this caller is police of 5347.',
          path: ['protectionMeasure', 'suspect', 'registrationComments'],
          extensions: expect.objectContaining({ code: 'FORBIDDEN' }),
        })]);
      });
    });
  });
