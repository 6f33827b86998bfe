### en-US translation of the zh-CN source (locales/zh-CN/replication.ftl).
### Cloud Server Backup (CSBS) error codes: replication. Source text taken from the CSBS error code reference.

-family-replication = Replication

## Replication
## Replication of backups to other regions.

CSBS-6031 = A manual replication task is running in the backup policy, so this replication task cannot be run.
    .suggestion = Wait until the manual replication task is complete, and then run the replication task again.

CSBS-8014 = This policy is performing replication. Try again later.

CSBS-8015 = Replication of this backup is in progress, or the backup has already been replicated to the target region.

CSBS-8017 = The target project does not have replication permission, so replication to this project is not supported.

CSBS-8021 = This backup is not in the available status, so replication is not supported.

CSBS-8022 = This backup was created by replication, so replication is not supported.

CSBS-8023 = The server in this backup is not an elastic cloud server, so replication is not supported.

CSBS-8024 = The elastic cloud server in this backup has no system disk, so replication is not supported.

CSBS-8025 = It cannot be determined whether this backup has already been replicated to the target region, so replication is not supported.
