### en-US translation of the zh-CN source (locales/zh-CN/general.ftl).
### Cloud Server Backup (CSBS) error codes: general. Source text taken from the CSBS error code reference.

-family-general = General

## General
## Parameter validation, permissions, quotas, licenses, and system errors.

CSBS-6028 = The quota information could not be obtained.
    .suggestion = Check the network connection or contact technical support.

CSBS-9001 = Parameter validation failed.
    .suggestion = Check whether the parameters you entered are correct.

CSBS-9002 = The operation failed. You do not have permission to perform this operation.

CSBS-9003 = The license file is invalid.
    .suggestion = Apply again for a valid license file.

CSBS-9006 = The quota is insufficient.
    .suggestion = Contact the administrator to change the quota, or delete backups that are no longer in use.

CSBS-9009 = The user has not completed real-name authentication. Complete real-name authentication and try again.
    .suggestion = Complete real-name authentication and try again.

CSBS-9998 = The service is currently not supported.

CSBS-9999 = An internal system error occurred.
    .suggestion = Wait a while and try again, or contact technical support.
