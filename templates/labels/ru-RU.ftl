# Тексты страниц документации, которую создаёт errcat (Markdown, HTML, OpenAPI): русский.
# Переменные — см. en-US.ftl, термины — см. README.md.

language_name = Русский
title = Коды ошибок { $catalog }
intro = Все коды ошибок { $catalog } (всего: { $count }) по группам: для каждого — HTTP-статус, значение и что делать.
families = Группы
code = Код
status = HTTP-статус
description = Описание
details = Подробности
suggestion = Что делать
none = нет
no_suggestion = Рекомендаций нет.
retired = Выведен из употребления
fallback = Ещё не переведено: показано на { $locale }.
search = Поиск
search_placeholder = Фильтр по коду, статусу или тексту
search_count = Показано: { $shown } из { $total }
no_match = Нет подходящих кодов.
footer = Создано errcat из каталога { $catalog }.
openapi_error_code = Код ошибки { $catalog }.
openapi_error_msg = Сообщение на языке, указанном в заголовке Content-Language.
openapi_error_response = Тело ответа на неудачный запрос.
openapi_content_language = Язык error_msg.
openapi_status_schema = Ошибка с ответом HTTP { $status } { $reason }: error_code — один из кодов этого статуса.
openapi_response = { $reason }: ошибка с ответом HTTP { $status }.
openapi_status_problem = Ошибка с ответом HTTP { $status } { $reason } в виде сведений о проблеме по RFC 9457: code — один из кодов этого статуса.
openapi_status_openstack = Ошибка с ответом HTTP { $status } { $reason } в виде ошибки OpenStack { $fault }.
openapi_doc_url = Страница документации error_code на языке сообщения.
openapi_problem = Сведения о проблеме по RFC 9457 (application/problem+json) для неудачного запроса.
openapi_problem_type = Страница документации кода на языке сообщения; about:blank, если в каталоге её нет.
openapi_problem_title = Сообщение на языке, указанном в заголовке Content-Language.
openapi_problem_status = HTTP-статус.
openapi_problem_detail = Что может сделать пользователь (рекомендация); если её нет — снова сообщение.
openapi_fault = Тело ошибки сервисов OpenStack: один элемент, названный по HTTP-статусу (badRequest, itemNotFound, computeFault и т. д.).
openapi_fault_detail = HTTP-статус и сообщение.
