-- Where each grain's one activation lives, as Orleans' ADO.NET grain directory keeps it: a silo registers
-- with INSERT … ON CONFLICT DO NOTHING and reads the row back, so the first writer wins and everyone else
-- is told the winner. A row that points at a silo the membership table declared dead is taken over with
-- an update that names the dead owner, so two survivors cannot both take it. Cluster clients register
-- here too (grain type 'sys.client'), pointing at the gateway silo they are connected to.
create table grain_directory (
    grain_type  text    not null,
    grain_key   text    not null,
    host        text    not null,
    port        integer not null,
    generation  bigint  not null,
    primary key (grain_type, grain_key)
);

-- Finding a dead silo's rows, to drop them all at once.
create index grain_directory_silo on grain_directory (host, port, generation);
