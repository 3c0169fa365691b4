-- bench/pages: EXPLAIN (ANALYZE, BUFFERS) of the statements behind the pages that grow with the size of the country,
-- at national size, with the measured users' own values. Each as Kindred sends it (the file and line that issue it
-- are named), the parameters filled in. Run by bench/pages with -v participant_email=... -v mentor_email=...
-- -v programme=... (one of the demo-size university's programmes).
\set ON_ERROR_STOP off
select id as participant from account where email = :'participant_email' \gset
select id as mentor from account where email = :'mentor_email' \gset

-- The groups a person is in, across programmes: Home (MeetingHome, GroupingHome, CertificateHome), a participant's
-- meetings and the calendar feed ask it. grouping/internal/PublishedGroupStore.java:154 (groupsOf)
explain (analyze, buffers) select group_id from group_member where account_id = :'participant';

-- The trainings a mentor attended: the mentor's Home (TrainingHome via TrainingService.java:220,
-- MentorTrainingService.java:61). training/internal/TrainingStore.java:142 (attendanceOf)
explain (analyze, buffers) select session_id from session_attendance where account_id = :'mentor';

-- The sessions a mentor said they cannot come to, beside it. training/internal/TrainingStore.java:137 (absencesOf)
explain (analyze, buffers) select session_id from session_absence where account_id = :'mentor';

-- The open surveys waiting for the person's answer: everyone's Home (FeedbackHome).
-- feedback/internal/InvitationStore.java:155 (waitingFor)
explain (analyze, buffers) select s.id from survey s join survey_invitation i on i.survey_id = s.id
 where i.account_id = :'participant' and i.answered = false and s.opens_at <= now() and s.closes_at > now()
 order by s.closes_at;

-- A programme's attendance, as the progress view, the coordinator's Home (MeetingHome.java:103 via
-- GroupProgressService.java:115) and a participant's certificate standing on their Home (Qualifications.java:195 via
-- WorkspaceService.java:251) read it: meeting/internal/WorkspaceStore.java:90 and :100-110 (rolls). Both as PostgreSQL
-- runs them once the driver has prepared them (prepareThreshold 5) and the plan cache has gone generic, and with
-- the value known.
prepare rolls(uuid) as select r.meeting_id, r.taken_by, r.taken_at from meeting_roll r join meeting m on m.id = r.meeting_id where m.programme_id = $1;
prepare present(uuid) as select a.meeting_id, a.account_id, a.present from meeting_attendance a join meeting m on m.id = a.meeting_id where m.programme_id = $1;
set plan_cache_mode = force_generic_plan;
explain (analyze, buffers) execute rolls(:'programme');
explain (analyze, buffers) execute present(:'programme');
set plan_cache_mode = force_custom_plan;
explain (analyze, buffers) execute rolls(:'programme');
explain (analyze, buffers) execute present(:'programme');
reset plan_cache_mode;

-- The public list of programmes: every published programme in the country, then (FetchType.EAGER element
-- collections, no batch size) two more selects per programme for its texts and group languages.
-- programme/internal/ProgrammeRepository.java:17 (findByStatusOrderBySettingsTermStartAsc), from
-- programme/ProgrammeService.java:103 (published)
explain (analyze, buffers) select p.id, p.organisation_id, p.status, p.term_start, p.term_end, p.signup_opens,
       p.signup_closes, p.mentor_call_opens, p.mentor_call_closes
  from programme p where p.status = 'PUBLISHED' order by p.term_start;
explain (analyze, buffers) select t.programme_id, t.language, t.name, t.description, t.audience
  from programme_text t where t.programme_id = :'programme';
select count(*) as published_programmes, 2 * count(*) as collection_selects_per_list
  from programme where status = 'PUBLISHED';
