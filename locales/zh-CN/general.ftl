### 云服务器备份（CSBS）错误码：通用。
### 源语言（zh-CN），文本取自 CSBS 错误码参考。

-family-general = 通用

## 通用
## 参数校验、权限、配额、许可证和系统错误。

CSBS-6028 = 获取配额信息失败。
    .suggestion = 请检查网络连接或联系华为云服务技术支持。

CSBS-9001 = 参数校验失败。
    .suggestion = 请检查输入的参数是否正确。

CSBS-9002 = 操作失败，您无权限进行该操作。

CSBS-9003 = License文件无效。
    .suggestion = 请重新申请有效的License文件。

CSBS-9006 = 配额不足。
    .suggestion = 请联系管理员更改配额或删除不再使用的备份。

CSBS-9009 = 用户未实名认证，请实名认证后重试。
    .suggestion = 请实名认证后重试。

CSBS-9998 = 服务暂不支持。

CSBS-9999 = 系统内部错误。
    .suggestion = 请等待一段时间后重试或联系技术支持。
