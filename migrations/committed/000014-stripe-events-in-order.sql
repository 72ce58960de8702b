--! Previous: sha1:9bcabb76d2540518070436c0e76092b4db8868d2
--! Hash: sha1:8cc6782fb11a0eacea449e5ed65c19336ff74914
--! Message: stripe events in order

-- Stripe webhooks in the order Stripe made them (issue 18, item 8): Stripe redelivers and does not
-- keep order, so an old event arriving late must not turn an active subscription off again.

alter table ob_flow add column stripe_event_at timestamptz;
comment on column ob_flow.stripe_event_at is 'When Stripe created the last subscription event applied (its created): an older one arriving later is ignored.';
grant update (stripe_event_at) on ob_flow to ob_app;
