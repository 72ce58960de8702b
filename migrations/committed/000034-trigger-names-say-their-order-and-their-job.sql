--! Previous: sha1:f197ac00ed61e200b2981b6be07d67e188a45c16
--! Hash: sha1:7ee566866daf4ec54bd800c6272df15f8ee99d86
--! Message: Trigger names say their order and their job

-- Trigger names say their order and their job. PostgreSQL fires the triggers of one event in name
-- order: _100 refuses (a frozen tenant), _200-_300 check and adjust the row, _400 derives, _500 stamps
-- the time, _800-_900 act after the write. The order on ob_a2p held by the alphabet before
-- (ob_a2p_touch before ob_a2p_website_changed), and ob_flow_derive ran before ob_flow_frozen.

alter trigger ob_flow_frozen on ob_flow rename to _100_frozen;
comment on trigger _100_frozen on ob_flow is 'First: a COMPLETE flow row is immutable (OB423); nothing else runs for a refused write.';
alter trigger ob_flow_derive on ob_flow rename to _400_derive;
comment on trigger _400_derive on ob_flow is 'Re-derives completion, blockers, texting_eligible and number_state on every write, and refuses a backward phase.';
alter trigger ob_flow_approved on ob_flow rename to _900_approved;
comment on trigger _900_approved on ob_flow is 'After texting becomes eligible: finishes onboarding by Finish''s guard (unless the owner chose to review first) and queues the approved mail.';
alter trigger ob_flow_finalize on ob_flow rename to _910_finalize;
comment on trigger _910_finalize on ob_flow is 'After the move to FINALIZE: NOTIFY ob_finalize with the tenant id, for the copier.';
alter trigger ob_account_frozen on ob_account rename to _100_frozen;
comment on trigger _100_frozen on ob_account is 'First: a COMPLETE tenant''s rows are immutable (OB423); nothing else runs for a refused write.';
alter trigger ob_number_frozen on ob_number rename to _100_frozen;
comment on trigger _100_frozen on ob_number is 'First: a COMPLETE tenant''s rows are immutable (OB423); nothing else runs for a refused write.';
alter trigger ob_calmsg_frozen on ob_calmsg rename to _100_frozen;
comment on trigger _100_frozen on ob_calmsg is 'First: a COMPLETE tenant''s rows are immutable (OB423); nothing else runs for a refused write.';
alter trigger ob_a2p_frozen on ob_a2p rename to _100_frozen;
comment on trigger _100_frozen on ob_a2p is 'First: a COMPLETE tenant''s rows are immutable (OB423); nothing else runs for a refused write.';
alter trigger ob_employee_frozen on ob_employee rename to _100_frozen;
comment on trigger _100_frozen on ob_employee is 'First: a COMPLETE tenant''s rows are immutable (OB423); nothing else runs for a refused write.';
alter trigger ob_event_frozen on ob_event rename to _100_frozen;
comment on trigger _100_frozen on ob_event is 'A COMPLETE tenant''s audit rows are never changed or deleted (OB423).';
alter trigger ob_employee_limit on ob_employee rename to _200_limit;
comment on trigger _200_limit on ob_employee is 'Refuses an employee past the flow''s team_size_limit.';
alter trigger ob_account_undefault on ob_account rename to _300_undefault;
comment on trigger _300_undefault on ob_account is 'A value the owner changes leaves the "Accepted defaults" list.';
alter trigger ob_a2p_otp_attempt on ob_a2p rename to _310_otp_attempt;
comment on trigger _310_otp_attempt on ob_a2p is 'Counts each code typed and refuses (OB429) past the attempts allowed per code and per day.';
alter trigger ob_a2p_website_changed on ob_a2p rename to _320_website_changed;
comment on trigger _320_website_changed on ob_a2p is 'A changed website_url clears the last website check''s findings.';
alter trigger ob_account_touch on ob_account rename to _500_touch;
comment on trigger _500_touch on ob_account is 'Last of the BEFORE triggers: updated_at is the time of this write.';
alter trigger ob_number_touch on ob_number rename to _500_touch;
comment on trigger _500_touch on ob_number is 'Last of the BEFORE triggers: updated_at is the time of this write.';
alter trigger ob_calmsg_touch on ob_calmsg rename to _500_touch;
comment on trigger _500_touch on ob_calmsg is 'Last of the BEFORE triggers: updated_at is the time of this write.';
alter trigger ob_a2p_touch on ob_a2p rename to _500_touch;
comment on trigger _500_touch on ob_a2p is 'Last of the BEFORE triggers: updated_at is the time of this write.';
alter trigger ob_employee_touch on ob_employee rename to _500_touch;
comment on trigger _500_touch on ob_employee is 'Last of the BEFORE triggers: updated_at is the time of this write.';
alter trigger ob_account_changed on ob_account rename to _800_changed;
comment on trigger _800_changed on ob_account is 'After each write: touches the flow row, which re-derives its state (ob_save does that once itself, by its version bump).';
alter trigger ob_number_changed on ob_number rename to _800_changed;
comment on trigger _800_changed on ob_number is 'After each write: touches the flow row, which re-derives its state (ob_save does that once itself, by its version bump).';
alter trigger ob_calmsg_changed on ob_calmsg rename to _800_changed;
comment on trigger _800_changed on ob_calmsg is 'After each write: touches the flow row, which re-derives its state (ob_save does that once itself, by its version bump).';
alter trigger ob_a2p_changed on ob_a2p rename to _800_changed;
comment on trigger _800_changed on ob_a2p is 'After each write: touches the flow row, which re-derives its state (ob_save does that once itself, by its version bump).';
alter trigger ob_employee_changed on ob_employee rename to _800_changed;
comment on trigger _800_changed on ob_employee is 'After each write: touches the flow row, which re-derives its state (ob_save does that once itself, by its version bump).';
alter trigger ob_a2p_mail on ob_a2p rename to _850_mail;
comment on trigger _850_mail on ob_a2p is 'After the registration''s record changes: queues the Submitted, code (sole proprietors) and Rejected mails, once each.';
