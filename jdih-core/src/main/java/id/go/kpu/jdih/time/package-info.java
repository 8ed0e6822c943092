/**
 * Time: the working calendar of an office (zone, office hours, dated days off with their decrees), time standards
 * turned into deadlines, and the deadline crossings reminders are built on.
 */
@NullMarked
package id.go.kpu.jdih.time;

import org.jspecify.annotations.NullMarked;
