### en-US translation of the zh-CN source (locales/zh-CN/policy.ftl).
### Cloud Server Backup (CSBS) error codes: backup policies. Source text taken from the CSBS error code reference.

-family-policy = Backup policies

## Backup policies
## Creating and modifying backup policies, and adding cloud servers to a backup policy.

CSBS-0001 = The number of backup policies has reached the limit.
    .suggestion = Delete other backup policies and try again.

CSBS-0002 = The number of cloud servers in the backup policy has reached the limit.
    .suggestion = Reduce the number of cloud servers in the backup policy and try again.

CSBS-2001 = A task is running in this backup policy.
    .suggestion = Wait until the task is complete and try again.

CSBS-2004 = A backup is in progress for the selected backup policy. Wait until the task is complete and try again.

CSBS-3000 = The backup policy does not exist.

CSBS-6000 = The cloud server does not exist.

CSBS-6001 = The cloud server has been terminated.

CSBS-6003 = Currently, only cloud server backup is supported.
    .suggestion = Select a cloud server to add to the backup policy.

CSBS-6004 = The cloud server is already in a backup policy and cannot be added to a backup policy again.

CSBS-6009 = Some attached disks of the cloud server are already in a backup policy, so the cloud server cannot be added to a backup policy.
    .suggestion = Remove the attached disks of the cloud server from their backup policy, or detach the disks that are already in a backup policy, and try again.

CSBS-6032 = The backup policy contains no cloud servers that can be backed up.

CSBS-9007 = The backup policy name already exists. Change the name and try again.
    .suggestion = Change the name and try again.
