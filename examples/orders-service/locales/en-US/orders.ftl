## Orders
-family-orders = Orders

ORDERS-0001 = Order { $id } does not exist.
    .suggestion = Check the order number and try again.
ORDERS-0002 = { $count ->
        [one] One item in your cart is sold out.
       *[other] { $count } items in your cart are sold out.
}
    .suggestion = Remove the sold-out items and order again.
ORDERS-0003 = You are not allowed to see this order.
ORDERS-0004 = The payment service is temporarily unavailable.
    .suggestion = Try again later.
ORDERS-0005 = Internal error.
ORDERS-0006 = The quantity must be a whole number from 1 to { $max }.
