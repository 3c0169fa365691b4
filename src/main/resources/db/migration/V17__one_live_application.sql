-- recruitment: one live application per person and programme, across both roles, and signing up again after
-- withdrawing.

-- The person's account while the application is live (pending, awaiting approval, seated or waiting), null once it
-- is declined or withdrawn. Unique per programme, so the database itself refuses a second live application of the
-- same person, whichever role it is for and however close together two sign-ups arrive; rows with null do not
-- collide, so withdrawn applications stay as history beside a new one. (A plain column rather than a partial
-- index, as the tests' H2 has none.)
ALTER TABLE application ADD COLUMN live_account UUID;

-- Where a person already has live applications in both roles (possible before this rule), the earliest keeps the
-- key; the later one stays as it is until it is declined or withdrawn, and blocks nothing.
UPDATE application a SET live_account = a.account_id
 WHERE a.state IN ('PENDING', 'AWAITING', 'SEATED', 'WAITING')
   AND NOT EXISTS (SELECT 1 FROM application b
                    WHERE b.programme_id = a.programme_id AND b.account_id = a.account_id
                      AND b.state IN ('PENDING', 'AWAITING', 'SEATED', 'WAITING') AND b.submitted < a.submitted);

ALTER TABLE application ADD CONSTRAINT application_live_once UNIQUE (programme_id, live_account);
ALTER TABLE application DROP CONSTRAINT application_once;
CREATE INDEX application_by_person ON application (programme_id, role, account_id);
