-- What the operator features add to the schema of V1: editable certificate profiles, the hash-chained
-- audit trail with admin changes, the repository of attestation certificates, revocation of issued
-- certificates and the CA's CRL. Runs on H2 2.x and PostgreSQL 15. Column names are the entity field
-- names, unquoted, as Hibernate names them; enumerations are stored as text.

-- Certificate profiles: every setting the admin API can change. Defaults are those of a new profile.
alter table certificate_profile add column acceptedFormats varchar(256) default 'attestca-cms' not null;
alter table certificate_profile add column minimumKeyStorage varchar(32) default 'HIGH' not null;
alter table certificate_profile add column minimumUserAuthentication varchar(32);
alter table certificate_profile add column requireNonce boolean default true not null;
alter table certificate_profile add column allowedKeyAlgorithms varchar(64) default 'EC' not null;
alter table certificate_profile add column allowedCurves varchar(256) default 'P-256,P-384' not null;
alter table certificate_profile add column keyUsage varchar(512) default 'digitalSignature' not null;
alter table certificate_profile add column extendedKeyUsage varchar(1024) default 'clientAuth' not null;
alter table certificate_profile add column subjectCopiedAttributes varchar(512) default 'CN,O,OU,C,SERIALNUMBER' not null;
alter table certificate_profile add column subjectRefusedAttributes varchar(512) default '' not null;
alter table certificate_profile add column qcSscd boolean default false not null;
alter table certificate_profile add column anonymousEnrollment boolean default false not null;
-- Before this version every profile took anonymous callers; the attested profile keeps doing so
-- (its attestation and nonce are the proof), the open one now requires the enroller role.
update certificate_profile set anonymousEnrollment = true where name = 'attested';

-- Audit trail: admin changes beside enrollment decisions, and the hash chain. Rows written before
-- this version keep seq and the hashes null and are reported as outside the chain.
alter table audit_record add column seq bigint;
alter table audit_record add column kind varchar(16);
alter table audit_record add column action varchar(64);
alter table audit_record add column target varchar(256);
alter table audit_record add column beforeJson varchar(100000);
alter table audit_record add column afterJson varchar(100000);
alter table audit_record add column previousHash varchar(64);
alter table audit_record add column recordHash varchar(64);
update audit_record set kind = 'ENROLLMENT' where kind is null;
alter table audit_record add constraint uk_audit_record_seq unique (seq);
create index ix_audit_record_recorded_at on audit_record (recordedAt);
create index ix_audit_record_profile on audit_record (profileName);
create index ix_audit_record_attestation on audit_record (attestationSignerSha256);

-- The end of the audit chain: one row, locked by every append.
create table audit_chain_head (
    id bigint not null,
    lastSeq bigint not null,
    lastHash varchar(64) not null,
    primary key (id)
);
insert into audit_chain_head (id, lastSeq, lastHash)
    values (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

-- Attestation certificates seen in accepted requests.
create sequence attestation_certificate_seq start with 1 increment by 50;
create table attestation_certificate (
    id bigint not null,
    sha256Fingerprint varchar(64) not null,
    subject varchar(1024) not null,
    issuer varchar(1024) not null,
    certificateBase64 varchar(20000) not null,
    attestationFormat varchar(64),
    appletBuild varchar(128),
    appletVersion varchar(64),
    firstSeen timestamp(6) with time zone not null,
    lastSeen timestamp(6) with time zone not null,
    issuedCount bigint not null,
    status varchar(16) not null,
    statusChangedAt timestamp(6) with time zone,
    statusChangedBy varchar(256),
    statusReason varchar(1000),
    primary key (id),
    constraint uk_attestation_certificate_sha256 unique (sha256Fingerprint)
);

-- Revocation of issued certificates: when, why (the RFC 5280 CRLReason name, keyCompromise, ...)
-- and by whom; all null while the certificate is not revoked.
alter table issued_certificate add column revokedAt timestamp(6) with time zone;
alter table issued_certificate add column revocationReason varchar(32);
alter table issued_certificate add column revokedBy varchar(256);
alter table issued_certificate add constraint ck_issued_certificate_revocation
    check ((revokedAt is null) = (revocationReason is null));
create index ix_issued_certificate_attestation on issued_certificate (attestationSignerSha256);

-- The CA's CRL and its number: one row, locked while a new CRL is signed.
create table ca_crl (
    id bigint not null,
    crlNumber bigint not null,
    thisUpdate timestamp(6) with time zone,
    nextUpdate timestamp(6) with time zone,
    crlBase64 varchar(1000000),
    stale boolean not null,
    primary key (id)
);
insert into ca_crl (id, crlNumber, stale) values (1, 0, true);
