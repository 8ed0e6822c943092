package id.go.kpu.jdih.notify;

import id.go.kpu.jdih.i18n.Text;
import id.go.kpu.jdih.workflow.CaseId;
import id.go.kpu.jdih.workflow.Person;

/**
 * A message for one person about one case.
 *
 * @param key a stable key of the event it reports, so that it is sent once (e.g. {@code case-1/available/3})
 * @param caseId the case
 * @param recipient who is told
 * @param subject the subject, in both languages
 * @param body the body, in both languages
 */
public record Notification(String key, CaseId caseId, Person recipient, Text subject, Text body) {}
