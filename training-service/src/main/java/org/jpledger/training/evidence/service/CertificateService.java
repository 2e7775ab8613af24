package org.jpledger.training.evidence.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotSupportedException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jpledger.contracts.problem.Problem.FieldError;
import org.jpledger.contracts.reference.CompletionStatus;
import org.jpledger.contracts.reference.VerificationState;
import org.jpledger.support.limits.PayloadTooLargeException;
import org.jpledger.support.problem.ConflictException;
import org.jpledger.support.problem.InvalidRequestException;
import org.jpledger.support.problem.ResourceNotFoundException;
import org.jpledger.support.security.Caller;
import org.jpledger.support.security.UnitAccess;
import org.jpledger.support.security.UnitScope;
import org.jpledger.training.domain.Completion;
import org.jpledger.training.domain.CompletionRepository;
import org.jpledger.training.domain.Employee;
import org.jpledger.training.domain.EmployeeRepository;
import org.jpledger.training.evidence.config.EvidenceConfig;
import org.jpledger.training.evidence.domain.CertificateType;
import org.jpledger.training.evidence.domain.CompletionEvidence;
import org.jpledger.training.evidence.domain.CompletionEvidenceRepository;
import org.jpledger.training.evidence.domain.EvidenceBlob;
import org.jpledger.training.evidence.domain.EvidenceBlobRepository;
import org.jpledger.training.service.Actor;
import org.jpledger.training.service.Upserted;

/**
 * Certificate files of completions: attach (the type told by the bytes, the size bounded, each content kept once per
 * SHA-256), list, download and detach, for callers whose units hold the completion's employee; one outside is answered
 * as unknown (404). Attaching is not a new version of the completion: the evidence stands beside the record.
 */
@ApplicationScoped
public class CertificateService implements CertificateIntake {

    // The answer for "no such completion" and "not yours" alike, as the completion endpoints give it.
    static final String NOT_FOUND = "No completion with this id in the units your token names.";
    static final String NO_FILE = "No certificate with this hash on this completion.";
    static final int MAX_FILE_NAME = 255;
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern UNPRINTABLE = Pattern.compile("[\\p{Cntrl}\\p{Zl}\\p{Zp}\"]");

    private final CompletionRepository completions;
    private final EmployeeRepository employees;
    private final CompletionEvidenceRepository links;
    private final EvidenceBlobRepository blobs;
    private final BlobStore store;
    private final EvidenceConfig config;
    private final Caller caller;
    private final UnitAccess access;
    private final Clock clock;

    public CertificateService(CompletionRepository completions, EmployeeRepository employees,
            CompletionEvidenceRepository links, EvidenceBlobRepository blobs, BlobStore store, EvidenceConfig config,
            Caller caller, UnitAccess access, Clock clock) {
        this.completions = completions;
        this.employees = employees;
        this.links = links;
        this.blobs = blobs;
        this.store = store;
        this.config = config;
        this.caller = caller;
        this.access = access;
        this.clock = clock;
    }

    /**
     * Attaches the file {@code body} streams to a completion, named {@code fileName} (a default by its type when
     * none). The body is read up to the size limit and no further (413 past it; a declared length past it is refused
     * before anything is read); bytes that are no certificate type are refused with 415 whatever the request's
     * Content-Type said. The same content again is the file attached before (created false).
     */
    public Upserted<CertificateView> attach(UUID completionId, InputStream body, Long declaredLength,
            String fileName) {
        Actor actor = Actor.of(caller, access);
        String name = cleanName(fileName);
        long max = maxBytes();
        if (declaredLength != null && declaredLength > max) {
            throw tooLarge(max, null);
        }
        byte[] content = readBounded(body, max);
        if (content.length == 0) {
            throw InvalidRequestException.of("body", "is empty; send the certificate file (PDF, PNG, JPEG or WebP)");
        }
        CertificateType type = CertificateType.sniff(content).orElseThrow(() -> new NotSupportedException(
                "The file is not a PDF, PNG, JPEG or WebP by its content (the Content-Type header is not trusted); "
                        + "nothing was stored."));
        String sha256 = sha256(content);
        // The body is read before the transaction: no database connection waits for a slow upload.
        return QuarkusTransaction.joiningExisting().call(() -> {
            Completion c = lockedInScope(completionId, actor.scope());
            if (c.status == CompletionStatus.VOIDED) {
                throw new ConflictException("completion " + completionId + " is voided; it takes no more evidence");
            }
            return link(c, sha256, type, content, name != null ? name : "sertifikat." + type.extension(),
                    actor.subject());
        });
    }

    /** The certificate files of a completion, in the order attached. */
    @Transactional
    public List<CertificateView> list(UUID completionId) {
        Completion c = inScope(completionId, access.scope(), false);
        return links.of(c.id).stream().map(link -> CertificateView.of(link, blobs.findById(link.sha256))).toList();
    }

    /** One certificate file of a completion with its content; 404 for a hash the completion does not hold. */
    @Transactional
    public CertificateFile download(UUID completionId, String sha256) {
        Completion c = inScope(completionId, access.scope(), false);
        CompletionEvidence link = links.find(c.id, normalised(sha256))
                .orElseThrow(() -> new ResourceNotFoundException(NO_FILE));
        EvidenceBlob blob = blobs.findById(link.sha256);
        return new CertificateFile(CertificateView.of(link, blob), store.read(blob));
    }

    /**
     * Detaches a certificate file from a completion. The content stays kept (another completion may hold it, and
     * nothing reaches it without a link). A voided completion, and a verified one (verified on this evidence), keep
     * their files: 409.
     */
    @Transactional
    public void detach(UUID completionId, String sha256) {
        Completion c = lockedInScope(completionId, access.scope());
        CompletionEvidence link = links.find(c.id, normalised(sha256))
                .orElseThrow(() -> new ResourceNotFoundException(NO_FILE));
        if (c.status == CompletionStatus.VOIDED) {
            throw new ConflictException("completion " + completionId + " is voided; its evidence stays as it was");
        }
        if (c.verification == VerificationState.VERIFIED) {
            throw new ConflictException("completion " + completionId + " was verified with this evidence; it stays");
        }
        links.delete(link);
    }

    @Override
    public void check(byte[] content, String field) {
        long max = maxBytes();
        if (content.length > max) {
            throw tooLarge(max, field);
        }
        if (CertificateType.sniff(content).isEmpty()) {
            throw InvalidRequestException.of(field, "a certificate attachment must be a PDF, PNG, JPEG or WebP file "
                    + "by its content");
        }
    }

    @Override
    public void attachReported(UUID completionId, byte[] content, String fileName, String by) {
        check(content, "attachments");
        CertificateType type = CertificateType.sniff(content).orElseThrow();
        Completion c = completions.findForUpdate(completionId).orElseThrow();
        if (c.status == CompletionStatus.VOIDED) {
            return;
        }
        String name = fileName == null ? null : cleanName(fileName.length() > MAX_FILE_NAME
                ? fileName.substring(0, MAX_FILE_NAME) : fileName);
        link(c, sha256(content), type, content, name != null ? name : "sertifikat." + type.extension(), by);
    }

    /** Links the content to the locked completion {@code c}, keeping the content first if it is new. */
    private Upserted<CertificateView> link(Completion c, String sha256, CertificateType type, byte[] content,
            String fileName, String by) {
        var earlier = links.find(c.id, sha256);
        if (earlier.isPresent()) {
            return new Upserted<>(false, CertificateView.of(earlier.get(), blobs.findById(sha256)));
        }
        int most = config.maxFilesPerCompletion();
        if (links.countOf(c.id) >= most) {
            throw new ConflictException("completion " + c.id + " holds " + most + " certificate files, as many as one "
                    + "may; detach one first");
        }
        store.keep(sha256, type, content);
        CompletionEvidence link = new CompletionEvidence();
        link.completionId = c.id;
        link.sha256 = sha256;
        link.fileName = fileName;
        link.attachedBy = by;
        link.attachedAt = clock.instant();
        links.persist(link);
        return new Upserted<>(true, CertificateView.of(link, blobs.findById(sha256)));
    }

    /**
     * The completion, locked for a change of its evidence, if its employee is in {@code scope}: the employee first,
     * then the completion, in the order every writer takes them.
     */
    private Completion lockedInScope(UUID id, UnitScope scope) {
        return inScope(id, scope, true);
    }

    private Completion inScope(UUID id, UnitScope scope, boolean lock) {
        Completion c = completions.findByIdOptional(id).orElseThrow(() -> new ResourceNotFoundException(NOT_FOUND));
        Employee employee = (lock ? employees.findForUpdate(c.nip) : employees.findByIdOptional(c.nip)).orElseThrow();
        if (!access.covers(scope, employee.unitCode)) {
            throw new ResourceNotFoundException(NOT_FOUND);
        }
        return lock ? completions.findForUpdate(id).orElseThrow() : c;
    }

    private long maxBytes() {
        return config.maxFileSize().asLongValue();
    }

    /** Reads at most {@code max} bytes and one more, to tell a body of exactly the limit from a larger one. */
    private static byte[] readBounded(InputStream body, long max) {
        try {
            byte[] content = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
            if (content.length > max) {
                throw tooLarge(max, null);
            }
            return content;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The name a file is kept and offered under: its last path segment, without control characters or quotes, at most
     * {@value #MAX_FILE_NAME} characters (400 beyond); null when nothing is left.
     */
    static String cleanName(String fileName) {
        if (fileName == null) {
            return null;
        }
        String name = fileName.substring(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
        name = UNPRINTABLE.matcher(name).replaceAll("").strip();
        if (name.length() > MAX_FILE_NAME) {
            throw InvalidRequestException.of("fileName", "at most " + MAX_FILE_NAME + " characters");
        }
        return name.isEmpty() || name.equals(".") || name.equals("..") ? null : name;
    }

    /** A hash as the path names it, in lower case; 404 for anything that is not a SHA-256 (no file has that name). */
    private static String normalised(String sha256) {
        String hash = sha256 == null ? "" : sha256.toLowerCase(Locale.ROOT);
        if (!SHA256.matcher(hash).matches()) {
            throw new ResourceNotFoundException(NO_FILE);
        }
        return hash;
    }

    private static PayloadTooLargeException tooLarge(long max, String field) {
        String message = "The certificate file is larger than the limit of " + max + " bytes; nothing was stored.";
        return field == null ? new PayloadTooLargeException(message)
                : new PayloadTooLargeException(message, List.of(new FieldError(field, "larger than " + max + " bytes")));
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
