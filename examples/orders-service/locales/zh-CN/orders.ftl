## 订单
-family-orders = 订单

ORDERS-0001 = 订单 { $id } 不存在。
    .suggestion = 请检查订单号后重试。
ORDERS-0002 = { $count ->
       *[other] 购物车中有 { $count } 件商品已售罄。
}
    .suggestion = 请移除已售罄的商品后重新下单。
ORDERS-0003 = 无权访问该订单。
ORDERS-0004 = 支付服务暂时不可用。
    .suggestion = 请稍后重试。
ORDERS-0005 = 系统内部错误。
ORDERS-0006 = 数量必须是 1 到 { $max } 之间的整数。
