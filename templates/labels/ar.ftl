# نصوص صفحات التوثيق الذي يولّده errcat (Markdown وHTML وOpenAPI): العربية.
# المتغيرات: انظر en-US.ftl؛ المصطلحات: انظر README.md.

language_name = العربية
title = رموز أخطاء { $catalog }
intro = جميع رموز أخطاء { $catalog } وعددها { $count }، مجمّعة حسب الفئة، مع حالة HTTP التي يُعاد بها كل رمز ومعناه وما ينبغي فعله.
families = الفئات
code = الرمز
status = حالة HTTP
description = الوصف
details = التفاصيل
suggestion = ما العمل
none = لا شيء
no_suggestion = لا توجد إرشادات.
retired = متوقف
fallback = لم يُترجم بعد: معروض بلغة { $locale }.
search = بحث
search_placeholder = التصفية حسب الرمز أو الحالة أو النص
search_count = { $shown } من { $total } رمزًا
no_match = لا يوجد رمز مطابق.
footer = ولّده errcat من فهرس { $catalog }.
openapi_error_code = رمز خطأ من { $catalog }.
openapi_error_msg = الرسالة، باللغة التي تحددها ترويسة Content-Language.
openapi_error_response = نص الاستجابة لطلب فاشل.
openapi_content_language = لغة error_msg.
openapi_status_schema = خطأ يُجاب عنه بحالة HTTP { $status } { $reason }: قيمة error_code أحد رموز هذه الحالة.
openapi_response = { $reason }: خطأ يُجاب عنه بحالة HTTP { $status }.
openapi_status_problem = خطأ يُجاب عنه بحالة HTTP { $status } { $reason } على شكل تفاصيل مشكلة وفق RFC 9457: قيمة code أحد رموز هذه الحالة.
openapi_status_openstack = خطأ يُجاب عنه بحالة HTTP { $status } { $reason } على شكل عطل OpenStack من نوع { $fault }.
openapi_doc_url = صفحة توثيق error_code، بلغة الرسالة.
openapi_problem = تفاصيل المشكلة وفق RFC 9457 (application/problem+json) لطلب فاشل.
openapi_problem_type = صفحة توثيق الرمز، بلغة الرسالة؛ أو about:blank إن لم يكن للفهرس توثيق.
openapi_problem_title = الرسالة، باللغة التي تحددها ترويسة Content-Language.
openapi_problem_status = حالة HTTP.
openapi_problem_detail = ما يمكن للمستخدم فعله (الإرشاد)؛ أو الرسالة نفسها إن لم يكن للرمز إرشاد.
openapi_fault = نص العطل في خدمات OpenStack: عضو واحد يحمل اسم حالة HTTP (badRequest وitemNotFound وcomputeFault وغيرها).
openapi_fault_detail = حالة HTTP والرسالة.
