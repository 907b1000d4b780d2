package cn.wenming.common.audit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a read (a GET) that the audit trail records like a write: a read of personal data (nominees'
 * private contact details, objections) or an export. The record is written after the read, in its own
 * transaction, before the answer leaves; if it cannot be written, the data does not leave either (503).
 * Writes (POST, PUT, PATCH, DELETE) are recorded without any mark.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface AuditedRead {
}
