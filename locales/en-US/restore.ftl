### en-US translation of the zh-CN source (locales/zh-CN/restore.ftl).
### Cloud Server Backup (CSBS) error codes: restore. Source text taken from the CSBS error code reference.

-family-restore = Restore

## Restore
## Using backups to restore cloud servers and cloud disks.

CSBS-4000 = This backup cannot be restored in its current status.
    .suggestion = Wait a while and try again, or contact technical support.

CSBS-6013 = Currently, only cloud server restore is supported.
    .suggestion = Select a cloud server to perform the restore.

CSBS-6014 = The specified cloud disk is not attached to the cloud server to be restored.
    .suggestion = To perform the restore, select disks that are attached to the cloud server to be restored.

CSBS-6015 = The cloud server does not support restore in its current status.
    .suggestion = Make sure that the cloud server status is correct and try again.

CSBS-6016 = Cloud servers of this type do not support restore.
    .suggestion = Select a cloud server of the correct type.

CSBS-6017 = The specified backed-up disk is not in the specified backup.
    .suggestion = To perform the restore, select backed-up disks that are in the specified backup.

CSBS-6018 = Partial restore of the backed-up disks in a backup is not supported.
    .suggestion = To perform the restore, specify all backed-up disks in the backup.

CSBS-6019 = The target cloud server and the original cloud server are of different types.
    .suggestion = To perform the restore, select a target cloud server of the same type.

CSBS-6020 = Cloud servers without cloud disks do not support restore.

CSBS-6021 = A backed-up disk cannot be restored to a shared cloud disk of the cloud server.
    .suggestion = Restore the backed-up disk to a non-shared disk of the cloud server.

CSBS-6022 = The backend storage server that hosts the cloud disk does not support restore.

CSBS-6023 = A data disk in a backup cannot be restored to the system disk of the cloud server.
    .suggestion = Restore the data disk in the backup to a data disk of the cloud server.

CSBS-6024 = The capacity of the cloud disk attached to the cloud server is smaller than that of the backed-up disk, so the restore cannot be performed.
    .suggestion = Expand the attached disk of the cloud server and try again, or restore the backed-up disk to an attached disk with a larger capacity.

CSBS-6025 = Restore is not supported between the availability zone where the backup resides and the availability zone where the cloud server resides.
    .suggestion = Contact the administrator to reconfigure the availability zones.

CSBS-8012 = Restore from a replica is not supported.
