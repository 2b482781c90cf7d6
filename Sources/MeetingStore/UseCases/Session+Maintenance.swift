import MeetingKit

extension Session {
    /// Copies the database to `path` while others keep working, with its manifest beside it
    /// (administrators).
    @discardableResult
    public func backup(to path: String) throws -> BackupManifest {
        try AccessPolicy(org: try orgChart()).require(.maintainStore, by: actor)
        try StoreBackup.refuseCluster(store, command: "backup")
        let manifest = try StoreBackup.backup(store, to: path, takenAt: clock.timestamp)
        try write { change in
            try change.audit("store.backup", entity: "store", id: store.path, after: path)
        }
        return manifest
    }

    /// Replaces the database with a verified backup, keeping the current content next to it;
    /// returns the path of the kept copy (administrators).
    public func restore(from path: String) throws -> String {
        try AccessPolicy(org: try orgChart()).require(.maintainStore, by: actor)
        try StoreBackup.refuseCluster(store, command: "restore")
        let kept = try StoreBackup.restore(store, from: path, stamp: clock.timestamp)
        try write { change in
            try change.audit("store.restore", entity: "store", id: store.path, before: kept, after: path)
        }
        return kept
    }

    /// The health checks of `huiwu doctor`, run on the office's own files or its PostgreSQL
    /// database (administrators).
    public func doctor() throws -> [StoreDoctor.Check] {
        try AccessPolicy(org: try orgChart()).require(.maintainStore, by: actor)
        return store.engine == .postgresql ? StoreDoctor.run(postgres: store) : StoreDoctor.run(path: store.path)
    }
}
