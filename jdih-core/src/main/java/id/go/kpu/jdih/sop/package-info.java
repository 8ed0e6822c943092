/**
 * The SOP definition model: identity, roles (lanes), activities with their Mutu Baku, and the flow; the reference
 * definition of SOP No. 6 Tahun 2023 of KPU Kabupaten Kepulauan Mentawai; variants and the versioned registry.
 *
 * <p>Everything here is immutable. A {@link id.go.kpu.jdih.sop.SopDefinition} is always valid: it is only
 * obtained from {@link id.go.kpu.jdih.sop.SopDefinition.Builder#build()}.
 */
@NullMarked
package id.go.kpu.jdih.sop;

import org.jspecify.annotations.NullMarked;
