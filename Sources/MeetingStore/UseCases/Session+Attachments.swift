import Foundation
import MeetingKit

extension Session {
    /// Where this office keeps its attached files' bytes: beside a SQLite file, or in the
    /// PostgreSQL database (``AttachmentStorage``).
    package var attachmentStorage: AttachmentStorage { AttachmentStorage(store) }

    /// Attaches the file at `path` (read by this process) to an agenda item or to minutes.
    @discardableResult
    public func attach(file path: String, to owner: Attachment.Owner) throws -> Attachment {
        try attach(name: (path as NSString).lastPathComponent, content: try AttachmentFiles.read(path), to: owner)
    }

    /// Attaches a file's content to an agenda item or to minutes (R41, R43): it is copied into
    /// the office's storage and its SHA-256 recorded, in one audited change. Refusals (who may
    /// attach, signed minutes) come before anything is copied.
    @discardableResult
    public func attach(name: String, content: Data, to owner: Attachment.Owner) throws -> Attachment {
        try Attachment.check(name: name)
        _ = try read { db in try requireAttach(db, to: owner) }
        let storage = attachmentStorage
        let copy = try storage.prepare(content, name: name)
        do {
            return try write { change in
                let target = try requireAttach(change.db, to: owner)
                try storage.record(content, sha256: copy.sha256, in: change.db)
                var attachment = Attachment(owner: owner, name: name, sha256: copy.sha256, size: copy.size,
                                            addedBy: actor.principal.login, addedAt: change.now)
                try attachment.insert(change.db)
                try change.audit("attachment.add", entity: "attachment", id: String(attachment.id!),
                                 after: AttachmentAudit.summary(attachment, target: target))
                return attachment
            }
        } catch {
            if copy.created { storage.discard(sha256: copy.sha256, name: name) }
            throw error
        }
    }

    /// The attachments of an item or of minutes, oldest first, each with the state of its copy
    /// (`content`: compare SHA-256, else only presence and size). Classified minutes' are for
    /// their readers only (R48).
    public func attachments(of owner: Attachment.Owner, content: Bool = true) throws -> [AttachmentLine] {
        try read { db in
            let title = try requireRead(db, owner)
            let list: [Attachment]
            switch owner {
            case .item(let id): list = try Attachment.fetch(db, where: "item_id = ?", id)
            case .minutes(let id): list = try Attachment.fetch(db, where: "minutes_id = ?", id)
            }
            return try lines(db, list, title: title, content: content)
        }
    }

    /// One attachment, if the acting person may see it.
    public func attachment(_ id: Int64, content: Bool = true) throws -> AttachmentLine {
        try read { db in try visibleAttachment(db, id, content: content) }
    }

    /// The content of an attachment, if the acting person may see it and its copy is intact.
    public func attachmentContent(_ id: Int64) throws -> Data {
        try read { db in
            // Read the bytes once and check those: hashing the copy first, then reading it
            // again, read it twice (and could hand out bytes other than the ones checked).
            var line = try visibleAttachment(db, id, content: false)
            let content = try attachmentStorage.content(of: line.attachment, in: db)
            line.status = AttachmentStorage.status(of: content, for: line.attachment)
            try line.requireIntact()
            return content ?? Data()
        }
    }

    /// Every attachment the acting person may see, each copy hashed again: what `attach verify` reports.
    public func verifyAttachments() throws -> [AttachmentLine] {
        try read { db in
            var visible: [AttachmentLine] = []
            for a in try Attachment.fetch(db) {
                guard let title = try? requireRead(db, a.owner) else { continue }
                visible += try lines(db, [a], title: title, content: true)
            }
            return visible
        }
    }

    private func visibleAttachment(_ db: any SQLConnection, _ id: Int64, content: Bool) throws -> AttachmentLine {
        guard let a = try Attachment.fetch(db, where: "id = ?", id).first else {
            throw Refusal.notFound("attachment.unknown", "没有编号为 \(id) 的附件", "no attachment with id \(id)")
        }
        return try lines(db, [a], title: try requireRead(db, a.owner), content: content)[0]
    }

    private func lines(_ db: any SQLConnection, _ list: [Attachment], title: String, content: Bool) throws -> [AttachmentLine] {
        let org = try OrgRepository.load(db)
        let storage = attachmentStorage
        return try list.map { a in
            AttachmentLine(attachment: a, path: storage.path(of: a), status: try storage.status(of: a, content: content, in: db),
                           addedByName: org.person(a.addedBy)?.name ?? a.addedBy, ownerTitle: title)
        }
    }

    /// The target, after the policy allows attaching to it now.
    private func requireAttach(_ db: any SQLConnection, to owner: Attachment.Owner) throws -> AttachmentTarget {
        let target: AttachmentTarget
        switch owner {
        case .item(let id): target = .item(try AgendaRepository.item(db, id: id))
        case .minutes(let id): target = .minutes(try MinutesRepository.minutes(db, id: id))
        }
        try policy(db).require(.attachDocument(target), by: actor)
        return target
    }

    /// The owner's title, after checking that the acting person may see its attachments.
    private func requireRead(_ db: any SQLConnection, _ owner: Attachment.Owner) throws -> String {
        switch owner {
        case .item(let id):
            return try AgendaRepository.item(db, id: id).title
        case .minutes(let id):
            let minutes = try MinutesRepository.minutes(db, id: id)
            if let refusal = try withheldIfNeeded(db, minutes).withheld {
                throw Refusal(refusal.kind, code: "attachment.classified", article: refusal.article, Localized(
                    zh: refusal.message.zh + "；其附件同样", en: refusal.message.en + "; so are its attachments"))
            }
            return minutes.title
        }
    }
}

/// How an attachment appears in the audit log: never the name of a classified document's file (R48).
enum AttachmentAudit {
    static func summary(_ a: Attachment, target: AttachmentTarget) -> String {
        struct Summary: Encodable {
            var itemId: Int64?
            var minutesId: Int64?
            var name: String?
            var sha256: String
            var size: Int64
        }
        var classified = false
        if case .minutes(let m) = target { classified = m.classification.isClassified }
        return AuditSummary.of(Summary(itemId: a.itemId, minutesId: a.minutesId, name: classified ? nil : a.name,
                                       sha256: a.sha256, size: a.size))
    }
}
