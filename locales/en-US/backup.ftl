### en-US translation of the zh-CN source (locales/zh-CN/backup.ftl).
### Cloud Server Backup (CSBS) error codes: backups. Source text taken from the CSBS error code reference.

-family-backup = Backups

## Backups
## Creating and deleting cloud server backups.

CSBS-1001 = A manual backup task is running in the backup policy, so this backup task cannot be run.
    .suggestion = Wait until the manual backup task is complete, and then run the backup task again.

CSBS-1002 = A backup of the selected cloud server is in progress.
    .suggestion = Wait until the backup task is complete and try again.

CSBS-2003 = A backup, restore, or deletion is in progress for the selected backup.
    .suggestion = Wait until the task is complete and try again.

CSBS-3001 = The backup does not exist.

CSBS-6005 = The cloud server does not support backup in its current status.
    .suggestion = Make sure that the cloud server status is correct and try again.

CSBS-6006 = Cloud servers of this type do not support backup.
    .suggestion = Select a cloud server of the correct type.

CSBS-6007 = Cloud servers without cloud disks do not support backup.

CSBS-6008 = The cloud disks of the cloud server come from different backend storage servers, so backup is not supported.

CSBS-6010 = The cloud server has shared cloud disks, so backup is not supported.

CSBS-6011 = The backend storage server that hosts the cloud disk does not support backup.

CSBS-6027 = The availability zone where the cloud server resides does not support backup.
    .suggestion = Contact the administrator to reconfigure the availability zone.

CSBS-6030 = An automatic backup task is running in the backup policy, so this backup task cannot be run.
    .suggestion = Wait until the automatic backup task is complete, and then run the backup task again.

CSBS-6033 = Backup of cloud servers with dedicated storage disks attached is not supported.

CSBS-6034 = Backup of cloud servers with dedicated enterprise storage disks attached is not supported.

CSBS-6040 = The backup task for the delete operation does not exist.

CSBS-6061 = This server does not support backup or restore.
    .suggestion = Exclude the disks that do not support backup, and then perform the backup again.

CSBS-6062 = Backup is currently not supported for cloud servers with SCSI disks.
    .suggestion = Exclude the SCSI disks and perform the backup again.

CSBS-8008 = The backup status cannot be queried.
