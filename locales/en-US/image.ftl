### en-US translation of the zh-CN source (locales/zh-CN/image.ftl).
### Cloud Server Backup (CSBS) error codes: images. Source text taken from the CSBS error code reference.

-family-image = Images

## Images
## Creating images from backups.

CSBS-8001 = An image cannot be created from the backup in its current status.
    .suggestion = Wait a while and try again, or contact technical support.

CSBS-8002 = An image has already been created from this backup and cannot be created again.

CSBS-8003 = An image has already been created from this backup and cannot be created again.

CSBS-8004 = An image cannot be created from this backup.

CSBS-8005 = Image creation failed.
    .suggestion = Try again later or contact technical support.

CSBS-8006 = The image could not be disassociated from the backup.

CSBS-8007 = This backup has been used to create an image and cannot be deleted.
    .suggestion = Delete the corresponding image first, and then delete the backup.

CSBS-8009 = The backup has no system disk, so an image cannot be created.
