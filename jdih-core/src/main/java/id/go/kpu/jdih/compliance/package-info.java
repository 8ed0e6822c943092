/**
 * SOP compliance: how a case's history followed its definition (role, order, output, Kelengkapan, time), totals
 * over many cases of a period in bounded memory, the Permenpan RB 35/2012 monitoring form, and assertions for
 * embedders' tests.
 */
@NullMarked
package id.go.kpu.jdih.compliance;

import org.jspecify.annotations.NullMarked;
