--! Previous: sha1:7ee566866daf4ec54bd800c6272df15f8ee99d86
--! Hash: sha1:1692650114d8505acecfb6b841b3c83485ec477f
--! Message: stop_help_present is what the check reads

-- ob_a2p.stop_help_present was published in the snapshot (a2p.checklist.stopHelpPresent) and never written:
-- the copier always read null. It is now what the registration's check reads (STOP_HELP_MISSING in
-- ob_a2p_checks): whether one of the sample messages tells the reader how to opt out; null while
-- there are no samples.
create function ob_samples_opt_out(samples text[]) returns boolean language sql immutable parallel safe
  set search_path = public, pg_temp as $$
  select case when cardinality(samples) > 0 then exists (select 1 from unnest(samples) s where ob_opt_out_instruction(s)) end
$$;
comment on function ob_samples_opt_out(text[]) is 'Whether one of the sample messages tells the reader how to opt out (Reply STOP ...); null without samples. ob_a2p.stop_help_present is it.';

alter table ob_a2p drop column stop_help_present;
alter table ob_a2p add column stop_help_present boolean generated always as (ob_samples_opt_out(sample_messages)) stored;
comment on column ob_a2p.stop_help_present is 'Whether a sample message tells the reader how to opt out (the STOP_HELP_MISSING check), null without samples; published in the snapshot as a2p.checklist.stopHelpPresent.';
