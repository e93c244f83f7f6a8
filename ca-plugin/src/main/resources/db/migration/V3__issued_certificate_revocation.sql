-- Revocation of issued certificates, minimal: when and why a certificate was revoked (null while
-- it is not), as the EJBCA-compatible revocation endpoints record it. The reason is the RFC 5280
-- CRLReason name in EJBCA's spelling (KEY_COMPROMISE, ...).
alter table issued_certificate add column revokedAt timestamp(6) with time zone;
alter table issued_certificate add column revocationReason varchar(32);
alter table issued_certificate add constraint ck_issued_certificate_revocation
    check ((revokedAt is null) = (revocationReason is null));

-- The audit trail is read in the order it was written.
create index ix_audit_record_order on audit_record (recordedAt, id);
